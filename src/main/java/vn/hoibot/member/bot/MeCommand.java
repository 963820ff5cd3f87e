package vn.hoibot.member.bot;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Consents;
import vn.hoibot.org.OrgService;
import vn.hoibot.access.RoleAssignments;

/** /toi: her own record, as stored, with her consent. */
@Component
class MeCommand implements CommandHandler {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final OrgService org;
    private final Consents consents;

    MeCommand(Accounts accounts, MemberDirectory directory, RoleAssignments roles, OrgService org,
            Consents consents) {
        this.accounts = accounts;
        this.directory = directory;
        this.roles = roles;
        this.org = org;
        this.consents = consents;
    }

    @Override
    public String command() {
        return "toi";
    }

    @Override
    public String descriptionKey() {
        return "member.me.description";
    }

    @Override
    public Menu menu() {
        return Menu.MEMBER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        MemberView me = Linked.member(ctx, accounts, directory);
        String none = ctx.text("member.me.none");
        String unit = me.unitId() == null ? none : org.find(me.unitId()).map(org::label).orElse(none);
        String roleList = roles.grantsOf(me.id()).stream()
                .map(g -> ctx.text(g.role().messageKey()) + " — " + org.label(g.unitId()))
                .collect(Collectors.joining("; "));
        String tags = me.tags().stream().map(t -> ctx.text("member.tag." + t)).collect(Collectors.joining(", "));
        String consent = consents.consentOf(ctx.sender())
                .map(c -> ctx.text("member.me.consent", c.noticeVersion(), ConsentActions.WHEN.format(c.givenAt())))
                .orElse(none);
        ctx.reply(ctx.message("member.me.text", me.fullName(), me.phone() == null ? none : me.phone(),
                me.birthYear() == null ? none : String.valueOf(me.birthYear()), unit,
                roleList.isEmpty() ? none : roleList, ctx.text(me.partyMember() ? "member.yes" : "member.no"),
                tags.isEmpty() ? none : tags, me.joinDate() == null ? none : DATE.format(me.joinDate()), consent)
                .withButtons(java.util.List.of(java.util.List.of(ctx.button("member.me.file_button", EXPORT, vn.hoibot.chat.ButtonPayloads.NONE)))));
    }

    static final String EXPORT = "member.me.export";

    /** The right of access: everything the member module holds about her, as a file she can keep. */
    @Component
    static class Export implements vn.hoibot.chat.ButtonAction.NoPayload {

        private final Accounts accounts;
        private final MemberDirectory directory;

        Export(Accounts accounts, MemberDirectory directory) {
            this.accounts = accounts;
            this.directory = directory;
        }

        @Override
        public String action() {
            return EXPORT;
        }

        @Override
        public void onPress(ChatContext ctx, String messageId) {
            MemberView me = Linked.member(ctx, accounts, directory);
            String file = directory.exportOf(me.id(), ctx::text);
            ctx.reply(ctx.message("member.me.file_caption").withAttachment(vn.hoibot.chat.Attachment.document(
                    "du-lieu-cua-toi.txt", file.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }

    /** Her member record, or a polite request to link first. */
    static final class Linked {

        private Linked() {
        }

        static MemberView member(ChatContext ctx, Accounts accounts, MemberDirectory directory) {
            return accounts.memberFor(ctx.sender().channel(), ctx.sender().userId()).flatMap(directory::findById)
                    .orElseThrow(() -> new UserFacingException("member.link.required"));
        }
    }
}
