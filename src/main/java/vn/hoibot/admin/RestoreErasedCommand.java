package vn.hoibot.admin;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Erasure;

/**
 * /khoiphuc <phone>: an admin lets the roster import bring back a member who was erased (on her new request). Only
 * the global admins, since the tombstone belongs to no unit; everyone else is told the same as for a bad number.
 */
@Component
class RestoreErasedCommand implements CommandHandler {

    private final Accounts accounts;
    private final Erasure erasure;

    RestoreErasedCommand(Accounts accounts, Erasure erasure) {
        this.accounts = accounts;
        this.erasure = erasure;
    }

    @Override
    public String command() {
        return "khoiphuc";
    }

    @Override
    public String descriptionKey() {
        return "admin.restore.description";
    }

    @Override
    public Menu menu() {
        return Menu.ADMIN;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        if (!accounts.actor(ctx.sender()).admin()) {
            throw new vn.hoibot.access.AccessDeniedException();
        }
        if (args.isBlank()) {
            throw new UserFacingException("admin.restore.usage");
        }
        ctx.reply(erasure.restore(args.strip()) ? "admin.restore.done" : "admin.restore.not_erased");
    }
}
