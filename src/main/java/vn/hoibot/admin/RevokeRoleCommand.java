package vn.hoibot.admin;

import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberMenus;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * /thuhoiquyen <phone> <role> <unit code>: ends a role today. The same rights and the same checks, in the same
 * order, as /capquyen: permission on the unit first, then the member, answered alike when either is missing.
 */
@Component
class RevokeRoleCommand implements CommandHandler {

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MemberMenus menus;

    RevokeRoleCommand(Accounts accounts, MemberDirectory directory, RoleAssignments roles, AccessPolicy policy,
            OrgService org, MemberMenus menus) {
        this.accounts = accounts;
        this.directory = directory;
        this.roles = roles;
        this.policy = policy;
        this.org = org;
        this.menus = menus;
    }

    @Override
    public String command() {
        return "thuhoiquyen";
    }

    @Override
    public String descriptionKey() {
        return "admin.revoke.description";
    }

    @Override
    public Menu menu() {
        return Menu.ADMIN;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 3) {
            throw new UserFacingException("admin.revoke.usage");
        }
        Role role;
        try {
            role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("admin.revoke.usage");
        }
        UnitView unit = org.findByCode(parts[2])
                .orElseThrow(() -> new UserFacingException("org.unit.not_found", parts[2]));
        Actor actor = accounts.actor(ctx.sender());
        if (!policy.can(actor, Permission.ASSIGN_ROLES, unit.id())) {
            throw new UserFacingException("member.role.no_member");
        }
        MemberView member = directory.findByPhone(parts[0])
                .filter(m -> m.unitId() != null && policy.can(actor, Permission.VIEW_MEMBERS, m.unitId()))
                .orElseThrow(() -> new UserFacingException("member.role.no_member"));
        if (!roles.revoke(member.id(), role, unit.id())) {
            throw new UserFacingException("admin.revoke.not_held", member.fullName(), ctx.text(role.messageKey()),
                    unit.name());
        }
        menus.refreshAfterCommit(ctx, member.id());
        ctx.reply("admin.revoke.done", member.fullName(), ctx.text(role.messageKey()), unit.name());
    }
}
