package vn.hoibot.admin;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
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
     * between in Vietnamese or a short form ({@code CHT}, {@code Tổ trưởng}, {@code Chủ tịch}).
     */
    @Override
    public void handle(ChatContext ctx, String args) {
        String[] parts = args.strip().split("\\s+");
        if (parts.length < 3) {
            throw new UserFacingException("member.role.usage", roleNames(ctx));
        }
        String roleText = String.join(" ", Arrays.copyOfRange(parts, 1, parts.length - 1));
        Role role = vocabulary.role(roleText)
                .orElseThrow(() -> new UserFacingException("member.role.unknown", roleText, roleNames(ctx)));
        String code = parts[parts.length - 1];
        UnitView unit = org.findByCode(code).orElseThrow(() -> new UserFacingException("org.unit.not_found", code));
        // the permission first, and the same answer for an unknown number as for a member she may not act on, so
        // nobody can test whether a number belongs to a member
        Actor actor = accounts.actor(ctx.sender());
        if (!policy.can(actor, Permission.ASSIGN_ROLES, unit.id())) {
            throw new UserFacingException("member.role.no_member");
        }
        MemberView member = directory.findByPhone(parts[0])
                .filter(m -> m.unitId() != null && policy.can(actor, Permission.VIEW_MEMBERS, m.unitId()))
                .orElseThrow(() -> new UserFacingException("member.role.no_member"));
        roles.assign(member.id(), role, unit.id());
        menus.refreshAfterCommit(ctx, member.id());
        ctx.reply("member.role.assigned", member.fullName(), ctx.text(role.messageKey()), unit.name());
    }

    /** The roles one may give, in Vietnamese: {@code Tổ trưởng, Chi hội phó, Chi hội trưởng…}. */
    private static String roleNames(ChatContext ctx) {
        return Arrays.stream(Role.values()).filter(r -> r != Role.MEMBER).map(r -> ctx.text(r.messageKey()))
                .collect(Collectors.joining(", "));
    }
}
