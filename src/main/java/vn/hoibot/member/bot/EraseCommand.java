package vn.hoibot.member.bot;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ButtonPayloads;
import vn.hoibot.chat.ButtonPayloads.None;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.member.Erasure;

/** /xoadulieu: deletes her personal data after she confirms with a button. */
@Component
class EraseCommand implements CommandHandler {

    static final String CONFIRM = "member.erase.confirm";
    static final String CANCEL = "member.erase.cancel";

    @Override
    public String command() {
        return "xoadulieu";
    }

    @Override
    public String descriptionKey() {
        return "member.erase.description";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        ctx.reply(ctx.message("member.erase.ask").withButtons(List.of(List.of(
                ctx.confirmButton("member.erase.yes", CONFIRM, ButtonPayloads.NONE), ctx.button("member.erase.no", CANCEL, ButtonPayloads.NONE)))));
    }

    @Component
    static class Confirm implements ButtonAction<None> {

        private final Erasure erasure;

        Confirm(Erasure erasure) {
            this.erasure = erasure;
        }

        @Override
        public String action() {
            return CONFIRM;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            erasure.erase(ctx.sender());
            ctx.edit(messageId, ctx.message("member.erase.done"));
        }
    }

    @Component
    static class Cancel implements ButtonAction.NoPayload {

        @Override
        public String action() {
            return CANCEL;
        }

        @Override
        public void onPress(ChatContext ctx, String messageId) {
            ctx.edit(messageId, ctx.message("member.erase.cancelled"));
        }
    }
}
