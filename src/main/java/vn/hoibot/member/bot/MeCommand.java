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
        ctx.reply("member.me.text", me.fullName(), me.phone() == null ? none : me.phone(),
                me.birthYear() == null ? none : String.valueOf(me.birthYear()), unit,
                roleList.isEmpty() ? none : roleList, ctx.text(me.partyMember() ? "member.yes" : "member.no"),
                tags.isEmpty() ? none : tags, me.joinDate() == null ? none : DATE.format(me.joinDate()), consent);
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
