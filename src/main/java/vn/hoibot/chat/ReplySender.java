package vn.hoibot.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out what a handler queued, after its transaction committed: acknowledges the button press, sends
 * replies (split when longer than a message may be), edits messages. Send errors are recorded, not swallowed.
 * A reply Telegram did not accept (429, 5xx, no connection) is handed to the durable outbox, which sends it
 * when it may; a reply whose answer never came is not repeated.
 */
@Component
class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    /** A reply refused with 429 is tried again after retry_after when that is at most this long. */
    private static final Duration MAX_REPLY_RETRY = Duration.ofSeconds(30);

    /**
     * After a chat refused a message (she blocked the bot, the chat is gone), replies to it are dropped for this
     * long rather than each waiting out the chat's pace for another refusal. Updates she sent before blocking
     * may still be queued; broadcasts skip the chat through the broadcast module's unreachable list.
     */
    static final Duration REFUSAL_HOLD = Duration.ofMinutes(10);

    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SendPacing> pacing;
    private final ObjectProvider<DurableMessages> durable;
    private final java.time.Clock clock;
    private final java.util.Map<String, java.time.Instant> refused = new java.util.concurrent.ConcurrentHashMap<>();

    ReplySender(TransactionTemplate tx, ApplicationEventPublisher events, ObjectProvider<SendPacing> pacing,
            ObjectProvider<DurableMessages> durable, java.time.Clock clock) {
        this.tx = tx;
        this.events = events;
        this.pacing = pacing;
        this.durable = durable;
        this.clock = clock;
    }

    /** True when the chat refused a message lately: nothing is sent to it. */
    boolean refusedLately(String channel, String chatId) {
        String key = channel + ":" + chatId;
        java.time.Instant since = refused.get(key);
        if (since == null) {
            return false;
        }
        if (since.plus(REFUSAL_HOLD).isBefore(clock.instant())) {
            refused.remove(key, since);
            return false;
        }
        return true;
    }

    private void refuse(String channel, String chatId) {
        if (refused.size() > 100_000) {
            refused.clear(); // a bound, not a cache policy: at worst some chats get one more refusal each
        }
        refused.put(channel + ":" + chatId, clock.instant());
    }

    void perform(Channel channel, String callbackId, List<ChatContext.Action> actions) {
        if (callbackId != null) {
            String toast = actions.stream().filter(ChatContext.Toast.class::isInstance)
                    .map(a -> ((ChatContext.Toast) a).text()).findFirst().orElse(null);
            channel.answerButton(callbackId, toast);
        }
        for (ChatContext.Action action : actions) {
            if (action instanceof ChatContext.Send send) {
                send(channel, send);
            } else if (action instanceof ChatContext.Edit edit) {
                edit(channel, edit);
            } else if (action instanceof ChatContext.Later later) {
                later.messages().get().forEach(m -> send(channel, new ChatContext.Send(m, null)));
            } else if (action instanceof ChatContext.Run run) {
                try {
                    run.task().run();
                } catch (RuntimeException e) {
                    log.warn("A task after commit failed", e);
                }
            }
        }
    }

    private void send(Channel channel, ChatContext.Send send) {
        Outbound message = send.message();
        if (refusedLately(channel.name(), message.chatId())) {
            log.debug("Reply to a chat on {} dropped: it refused messages lately", channel.name());
            return;
        }
        int limit = message.attachment() == null ? TextSplitter.MESSAGE_LIMIT : TextSplitter.CAPTION_LIMIT;
        List<String> parts = TextSplitter.split(message.text(), limit);
        List<Outbound> outbound = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean isLast = i == parts.size() - 1;
            outbound.add(new Outbound(message.chatId(), parts.get(i), message.html(),
                    isLast ? message.buttons() : List.of(), isLast ? message.askForContact() : null,
                    isLast && message.removeKeyboard(), i == 0 ? message.attachment() : null));
        }
        boolean durableLater = send.afterSend() == null && durable.getIfAvailable() != null
                && outbound.stream().allMatch(ReplySender::outboxCanCarry);
        int at = 0;
        try {
            SentMessage last = null;
            for (; at < outbound.size(); at++) {
                last = paced(channel, outbound.get(at), durableLater);
            }
            if (send.afterSend() != null && last != null) {
                SentMessage sent = last;
                tx.executeWithoutResult(status -> send.afterSend().accept(sent));
            }
        } catch (ChannelException e) {
            if (durableLater && retryable(e) && handOver(channel, outbound.subList(at, outbound.size()))) {
                return;
            }
            log.warn("A reply on {} failed: {}", channel.name(), e.kind());
            if (e.kind() == ChannelException.Kind.BLOCKED || e.kind() == ChannelException.Kind.CHAT_NOT_FOUND) {
                refuse(channel.name(), message.chatId());
            }
            events.publishEvent(new ChatEvents.ReplyFailed(channel.name(), message.chatId(), e.kind()));
        }
    }

    /**
     * Telegram did not send it (429, 5xx, no connection): the outbox tries again with its back-off, honouring
     * retry_after, and never repeats a send that may have arrived. An answer that never came (UNCONFIRMED) is not
     * repeated: it may have been delivered.
     */
    private static boolean retryable(ChannelException e) {
        return e.kind() == ChannelException.Kind.RATE_LIMITED || e.kind() == ChannelException.Kind.TRANSIENT;
    }

    /** What the outbox keeps of a message: text, HTML and inline buttons; no files, no reply keyboards. */
    private static boolean outboxCanCarry(Outbound message) {
        return message.attachment() == null && message.askForContact() == null && !message.removeKeyboard();
    }

    /** The parts not sent yet go to the durable outbox, in order, in one transaction; false when it failed too. */
    private boolean handOver(Channel channel, List<Outbound> rest) {
        DurableMessages outbox = durable.getIfAvailable();
        try {
            tx.executeWithoutResult(status -> rest.forEach(part -> outbox.send(channel.name(), part, null)));
            log.info("A reply on {} was not accepted yet; {} part(s) handed to the outbox", channel.name(), rest.size());
            return true;
        } catch (RuntimeException e) {
            log.warn("A reply on {} could not be handed to the outbox ({})", channel.name(), e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Sends in turn with the instance's other sends. When the outbox can take it over, a refusal is thrown at once
     * (nothing waits here); otherwise, after a 429 it waits retry_after and tries once more, and after a
     * transient failure once more after a second.
     */
    private SentMessage paced(Channel channel, Outbound message, boolean durableLater) throws ChannelException {
        SendPacing pace = pacing.getIfAvailable();
        for (int attempt = 1;; attempt++) {
            if (pace != null) {
                pace.awaitTurn(channel.name(), message.chatId(), false); // replies answer a person: one chat, one message
            }
            try {
                return channel.send(message);
            } catch (ChannelException e) {
                boolean limited = e.kind() == ChannelException.Kind.RATE_LIMITED;
                boolean retry = !durableLater && attempt == 1 && (limited && e.retryAfter() != null
                        && e.retryAfter().compareTo(MAX_REPLY_RETRY) <= 0 || e.kind() == ChannelException.Kind.TRANSIENT);
                if (limited && pace != null) {
                    pace.rateLimited(channel.name(), message.chatId(), e.retryAfter() == null ? Duration.ofSeconds(1) : e.retryAfter());
                }
                if (!retry) {
                    throw e;
                }
                LockSupport.parkNanos((limited ? e.retryAfter() : Duration.ofSeconds(1)).toNanos());
            }
        }
    }

    private void edit(Channel channel, ChatContext.Edit edit) {
        if (refusedLately(channel.name(), edit.chatId())) {
            return;
        }
        try {
            SendPacing pace = pacing.getIfAvailable();
            if (pace != null) {
                pace.awaitTurn(channel.name(), edit.chatId(), false);
            }
            channel.edit(edit.chatId(), edit.messageId(), edit.message());
        } catch (ChannelException e) {
            if (e.kind() != ChannelException.Kind.PERMANENT) { // PERMANENT: unchanged or too old to edit
                log.warn("An edit on {} failed: {}", channel.name(), e.kind());
            }
        }
    }
}
