package vn.hoibot.broadcast;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.chat.DurableMessages;
import vn.hoibot.chat.Outbound;

/** One-recipient messages through the outbox (a SYSTEM broadcast each), in the caller's transaction. */
@Component
class OutboxMessages implements DurableMessages {

    private static final String VARIANT = "x";

    private final Outbox outbox;

    OutboxMessages(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(String channel, Outbound message, Long memberId) {
        List<List<NewBroadcast.ButtonSpec>> buttons = ButtonSpecs.decode(ButtonSpecs.encodeButtons(message.buttons()));
        outbox.enqueue(new NewBroadcast(BroadcastKind.SYSTEM, null, "direct", null, message.html(),
                Map.of(VARIANT, new Content(message.text(), buttons)), null,
                List.of(new Recipient(channel, message.chatId(), memberId, false, VARIANT, null)), null, null));
    }
}
