package vn.hoibot.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.member.MemberMenus;
import vn.hoibot.member.Vocabulary;

/** /capquyen <phone> <role> <unit code>: assigns a role on a unit (covers its subtree). Admins and chairs. */
@Component
class AssignRoleCommand implements CommandHandler {

    static final String PICK = "admin.role.pick";

    /** A role button: this role, for this member, on this unit (checked again on the press). */
    record Grant(long memberId, Role role, long unitId) {
    }

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MemberMenus menus;
    private final Vocabulary vocabulary;

    AssignRoleCommand(Accounts accounts, MemberDirectory directory, RoleAssignments roles, AccessPolicy policy,
            OrgService org, MemberMenus menus, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.menus = menus;
        this.accounts = accounts;
        this.directory = directory;
        this.roles = roles;
        this.policy = policy;
        this.org = org;
    }

    @Override
    public String command() {
        return "capquyen";
    }

    @Override
    public String descriptionKey() {
        return "member.role.description";
    }

    @Override
    public Menu menu() {
        return Menu.ADMIN;
    }

    /**
     * {@code /capquyen 0900000031 Chi hội trưởng ND-HH-HV-CH01}: the phone first, the unit code last, the role in
     * between in Vietnamese or a short form ({@code CHT}, {@code Tổ trưởng}, {@code Chủ tịch}). Without a role
     * ({@code /capquyen 0900000031 ND-HH-HV-CH01}), or with one it does not know, the roles are offered as buttons.
     */
    @Override
    public void handle(ChatContext ctx, String args) {
        String[] parts = args.strip().split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new UserFacingException("member.role.usage", roleNames(ctx));
        }
        String code = parts[parts.length - 1];
        UnitView unit = org.findByCode(code).orElseThrow(() -> new UserFacingException("org.unit.not_found", code));
        Actor actor = accounts.actor(ctx.sender());
        MemberView member = grantee(actor, parts[0], unit.id());
        String roleText = String.join(" ", Arrays.copyOfRange(parts, 1, parts.length - 1));
        Optional<Role> role = roleText.isEmpty() ? Optional.empty() : vocabulary.role(roleText);
        if (role.isPresent()) {
            assign(ctx, member, role.get(), unit);
            return;
        }
        Outbound question = roleText.isEmpty()
                ? ctx.message("member.role.pick", member.fullName(), org.label(unit))
                : ctx.message("member.role.unknown", roleText, roleNames(ctx));
        ctx.reply(question.withButtons(roleButtons(ctx, actor, member.id(), unit.id())));
    }

    /**
     * The member a role may be given to: the permission first, and the same answer for an unknown number as for a
     * member she may not act on, so nobody can test whether a number belongs to a member.
     */
    private MemberView grantee(Actor actor, String phone, long unitId) {
        if (!policy.can(actor, Permission.ASSIGN_ROLES, unitId)) {
            throw new UserFacingException("member.role.no_member");
        }
        return directory.findByPhone(phone)
                .filter(m -> m.unitId() != null && policy.can(actor, Permission.VIEW_MEMBERS, m.unitId()))
                .orElseThrow(() -> new UserFacingException("member.role.no_member"));
    }

    private void assign(ChatContext ctx, MemberView member, Role role, UnitView unit) {
        roles.assign(member.id(), role, unit.id());
        menus.refreshAfterCommit(ctx, member.id());
        ctx.reply("member.role.assigned", member.fullName(), ctx.text(role.messageKey()), org.label(unit));
    }

    /** Two roles a row, in Vietnamese; the admin role only for an admin of the whole service. */
    private static List<List<Button>> roleButtons(ChatContext ctx, Actor actor, long memberId, long unitId) {
        List<Button> buttons = Arrays.stream(Role.values())
                .filter(r -> r != Role.MEMBER && (r != Role.ADMIN || actor.admin()))
                .map(r -> ctx.button(r.messageKey(), PICK, new Grant(memberId, r, unitId))).toList();
        List<List<Button>> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += 2) {
            rows.add(buttons.subList(i, Math.min(i + 2, buttons.size())));
        }
        return rows;
    }

    /** The roles one may give, in Vietnamese: {@code Tổ trưởng, Chi hội phó, Chi hội trưởng…}. */
    private static String roleNames(ChatContext ctx) {
        return Arrays.stream(Role.values()).filter(r -> r != Role.MEMBER).map(r -> ctx.text(r.messageKey()))
                .collect(Collectors.joining(", "));
    }

    /** A role button pressed: the same checks as the typed command, then the role; the question shows the answer. */
    void pressed(ChatContext ctx, Grant grant, String messageId) {
        Actor actor = accounts.actor(ctx.sender());
        UnitView unit = org.find(grant.unitId()).orElseThrow(() -> new UserFacingException("chat.button.expired"));
        MemberView member = directory.findById(grant.memberId())
                .filter(m -> policy.can(actor, Permission.ASSIGN_ROLES, unit.id()))
                .filter(m -> m.unitId() != null && policy.can(actor, Permission.VIEW_MEMBERS, m.unitId()))
                .orElseThrow(() -> new UserFacingException("member.role.no_member"));
        if (grant.role() == Role.MEMBER || grant.role() == Role.ADMIN && !actor.admin()) {
            throw new UserFacingException("member.role.no_member");
        }
        roles.assign(member.id(), grant.role(), unit.id());
        menus.refreshAfterCommit(ctx, member.id());
        ctx.edit(messageId, ctx.message("member.role.assigned", member.fullName(), ctx.text(grant.role().messageKey()),
                org.label(unit)));
    }

    @Component
    static class Pick implements ButtonAction<Grant> {

        private final AssignRoleCommand command;

        Pick(AssignRoleCommand command) {
            this.command = command;
        }

        @Override
        public String action() {
            return PICK;
        }

        @Override
        public Class<Grant> payloadType() {
            return Grant.class;
        }

        @Override
        public void onPress(ChatContext ctx, Grant grant, String messageId) {
            command.pressed(ctx, grant, messageId);
        }
    }
}
