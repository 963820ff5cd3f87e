package vn.hoibot.member.bot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.StartLink;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Consents;
import vn.hoibot.member.Linking;

/**
 * /start [invite code]: greets her; if she has not agreed to the privacy notice, shows it with an explicit agree
 * button (nothing personal is stored before she agrees); then asks her to share her phone number to link.
 */
@Component
class StartCommand implements CommandHandler {

    static final String LINK_DIALOG = "member.link";

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final Consents consents;
    private final Linking linking;

    private final List<StartLink> links;

    StartCommand(Accounts accounts, MemberDirectory directory, Consents consents, Linking linking,
            List<StartLink> links) {
        this.links = List.copyOf(links);
        this.accounts = accounts;
        this.directory = directory;
        this.consents = consents;
        this.linking = linking;
    }

    @Override
    public String command() {
        return "start";
    }

    @Override
    public String descriptionKey() {
        return "member.start.description";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        String invite = args.matches("[A-Za-z0-9_-]{1,64}") ? args : null;
        if (invite != null) {
            for (StartLink link : links) {
                if (invite.startsWith(link.prefix())) {
                    link.open(ctx, invite); // a QR check-in and the like: not an invitation
                    return;
                }
            }
        }
        Optional<MemberView> member = accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .flatMap(directory::findById);
        if (member.isPresent()) {
            ctx.reply("member.start.welcome_back", member.get().fullName());
            return;
        }
        if (invite != null && !linking.isValidInvite(invite)) {
            ctx.reply("member.invite.expired");
            invite = null;
        }
        if (consents.consentOf(ctx.sender()).isPresent()) {
            askForPhone(ctx, invite);
            return;
        }
        var payload = new ConsentActions.Invitation(invite);
        ctx.reply(ctx.message("member.consent.notice", consents.noticeVersion()).withButtons(List.of(
                // keys bound to no user: nothing about her (not even her Telegram id) is stored before she agrees;
                // the notice is in her private chat, so only she can press them
                List.of(ctx.buttonFor(null, ctx.text("member.consent.agree"), ConsentActions.AGREE, payload)),
                List.of(ctx.buttonFor(null, ctx.text("member.consent.decline"), ConsentActions.DECLINE, payload)))));
    }

    /** Asks her to share her own number with the keyboard button, remembering the invite in the dialog. */
    static void askForPhone(ChatContext ctx, String invite) {
        ctx.startDialog(LINK_DIALOG, "contact", invite == null ? Map.of() : Map.of("invite", invite));
        ctx.reply(ctx.message("member.link.ask").askingForContact(ctx.text("member.link.share_button")));
    }
}
