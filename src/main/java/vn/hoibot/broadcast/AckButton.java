package vn.hoibot.broadcast;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;

/** {@code Đã đọc} under a notice: records that she read it. The key was issued for her chat and her outbox row. */
@Component
class AckButton implements ButtonAction<AckButton.Row> {

    static final String ACTION = "broadcast.ack";

    /** The outbox row the notice went out as (to her chat). */
    record Row(long outboxRowId) {
    }

    private final Broadcasts broadcasts;

    AckButton(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Row> payloadType() {
        return Row.class;
    }

    @Override
    public void onPress(ChatContext ctx, Row payload, String messageId) {
        boolean first = broadcasts.acknowledge(payload.outboxRowId(), ctx.sender().channel(), ctx.sender().chatId());
        ctx.toast(first ? "broadcast.ack.thanks" : "broadcast.ack.already");
    }
}
