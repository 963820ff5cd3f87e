package vn.hoibot.member.bot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
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

    StartCommand(Accounts accounts, MemberDirectory directory, Consents consents, Linking linking) {
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
                List.of(ctx.button("member.consent.agree", ConsentActions.AGREE, payload)),
                List.of(ctx.button("member.consent.decline", ConsentActions.DECLINE, payload)))));
    }

    /** Asks her to share her own number with the keyboard button, remembering the invite in the dialog. */
    static void askForPhone(ChatContext ctx, String invite) {
        ctx.startDialog(LINK_DIALOG, "contact", invite == null ? Map.of() : Map.of("invite", invite));
        ctx.reply(ctx.message("member.link.ask").askingForContact(ctx.text("member.link.share_button")));
    }
}
