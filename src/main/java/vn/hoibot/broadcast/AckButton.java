package vn.hoibot.broadcast;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;

/** {@code Đã đọc} under a notice: records that she read it. The key was issued for her chat and her outbox row. */
@Component
class AckButton implements ButtonAction {

    static final String ACTION = "broadcast.ack";

    private final Broadcasts broadcasts;

    AckButton(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void onPress(ChatContext ctx, String payload, String messageId) {
        boolean first = broadcasts.acknowledge(Long.parseLong(payload), ctx.sender().channel(), ctx.sender().chatId());
        ctx.toast(first ? "broadcast.ack.thanks" : "broadcast.ack.already");
    }
}
