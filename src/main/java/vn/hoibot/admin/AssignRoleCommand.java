package vn.hoibot.admin;

import java.util.Arrays;
import java.util.Locale;
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
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.member.MemberMenus;

/** /capquyen <phone> <role> <unit code>: assigns a role on a unit (covers its subtree). Admins and chairs. */
@Component
class AssignRoleCommand implements CommandHandler {

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MemberMenus menus;

    AssignRoleCommand(Accounts accounts, MemberDirectory directory, RoleAssignments roles, AccessPolicy policy,
            OrgService org, MemberMenus menus) {
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

    @Override
    public void handle(ChatContext ctx, String args) {
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 3) {
            throw new UserFacingException("member.role.usage", roleNames());
        }
        MemberView member = directory.findByPhone(parts[0])
                .orElseThrow(() -> new UserFacingException("member.role.no_member"));
        Role role;
        try {
            role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("member.role.usage", roleNames());
        }
        UnitView unit = org.findByCode(parts[2]).orElseThrow(() -> new UserFacingException("org.unit.not_found", parts[2]));
        policy.require(accounts.actor(ctx.sender()), Permission.ASSIGN_ROLES, unit.id());
        roles.assign(member.id(), role, unit.id());
        menus.refreshAfterCommit(ctx, member.id());
        ctx.reply("member.role.assigned", member.fullName(), ctx.text(role.messageKey()), unit.name());
    }

    private static String roleNames() {
        return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
