package vn.hoibot.chat;

import org.springframework.stereotype.Component;

/** /huy: leaves whatever dialog she is in. */
@Component
class CancelCommand implements CommandHandler {

    @Override
    public String command() {
        return "huy";
    }

    @Override
    public String descriptionKey() {
        return "chat.cancel.description";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        if (ctx.dialog().isPresent()) {
            ctx.endDialog();
            ctx.reply(ctx.message("chat.cancel.done").removingKeyboard());
        } else {
            ctx.reply("chat.cancel.nothing");
        }
    }
}
