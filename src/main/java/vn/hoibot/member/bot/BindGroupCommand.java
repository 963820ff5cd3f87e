package vn.hoibot.member.bot;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.GroupChats;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * /ganchihoi <unit code>, typed in a group chat: binds the group to the unit so its notices reach the group. Only
 * a leader of the unit (checked by the binding) who is an administrator of the group (asked from the channel).
 */
@Component
class BindGroupCommand implements CommandHandler {

    private final Accounts accounts;
    private final GroupChats groups;
    private final OrgService org;

    BindGroupCommand(Accounts accounts, GroupChats groups, OrgService org) {
        this.accounts = accounts;
        this.groups = groups;
        this.org = org;
    }

    @Override
    public String command() {
        return "ganchihoi";
    }

    @Override
    public String descriptionKey() {
        return "member.group.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public boolean allowedInGroups() {
        return true;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        if (ctx.sender().isPrivate()) {
            ctx.reply("member.group.in_group_only");
            return;
        }
        if (args.isBlank()) {
            ctx.reply("member.group.usage");
            return;
        }
        UnitView unit = org.findByCode(args.strip())
                .orElseThrow(() -> new UserFacingException("org.unit.not_found", args.strip()));
        if (!ctx.senderIsGroupAdmin()) { // a leader binds only a group she administers, not one she was added to
            ctx.reply("member.group.not_admin");
            return;
        }
        groups.bind(accounts.actor(ctx.sender()), ctx.sender().channel(), ctx.sender().chatId(), unit.id());
        ctx.reply("member.group.bound", unit.name());
    }
}
