package vn.hoibot.member.bot;


import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Linking;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * /moi: her personal invite link (whoever joins through it counts as recruited by her: "1 hội viên vận động 1
 * phụ nữ"); {@code /moi <unit code>}: a leader's invite link for a unit in her subtree.
 */
@Component
class InviteCommand implements CommandHandler {

    private final Accounts accounts;
    private final MemberDirectory directory;
    private final Linking linking;
    private final AccessPolicy policy;
    private final OrgService org;

    InviteCommand(Accounts accounts, MemberDirectory directory, Linking linking, AccessPolicy policy,
            OrgService org) {
        this.accounts = accounts;
        this.directory = directory;
        this.linking = linking;
        this.policy = policy;
        this.org = org;
    }

    @Override
    public String command() {
        return "moi";
    }

    @Override
    public String descriptionKey() {
        return "member.invite.description";
    }

    @Override
    public Menu menu() {
        return Menu.MEMBER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        String code;
        UnitView unit;
        if (!args.isBlank()) {
            unit = org.findByCode(args.strip()).orElseThrow(() -> new UserFacingException("org.unit.not_found", args.strip()));
            policy.require(actor, Permission.APPROVE_JOIN, unit.id());
            code = linking.createInvite(unit.id(), null, actor.memberId());
        } else {
            MemberView me = MeCommand.Linked.member(ctx, accounts, directory);
            if (me.unitId() == null) {
                throw new UserFacingException("member.invite.no_unit");
            }
            unit = org.find(me.unitId()).orElseThrow();
            code = linking.createInvite(unit.id(), me.id(), me.id());
        }
        String link = ctx.botUsername() == null ? "/start " + code
                : "https://t.me/" + ctx.botUsername() + "?start=" + code;
        ctx.reply(args.isBlank() ? "member.invite.personal" : "member.invite.unit", link, unit.name());
    }

}
