package vn.hoibot.broadcast;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per-chat pace within this instance: at most one message per {@code perChat} to a private chat and one per
 * {@code perGroup} to a group (Telegram: 20/min), and no message before a chat's 429 retry_after has passed.
 */
@Component
class ChatPacer {

    private final long perChat;
    private final long perGroup;
    private final Map<String, Long> readyAt = new ConcurrentHashMap<>();

    @Autowired
    ChatPacer(BroadcastProperties properties) {
        this(properties.perChatInterval(), properties.perGroupInterval());
    }

    ChatPacer(Duration perChat, Duration perGroup) {
        this.perChat = perChat.toNanos();
        this.perGroup = perGroup.toNanos();
    }

    /** How long the chat must still wait, in nanoseconds (0 when it may receive now). */
    long waitFor(String channel, String chatId) {
        Long ready = readyAt.get(channel + ':' + chatId);
        return ready == null ? 0 : Math.max(0, ready - System.nanoTime());
    }

    /** Records a send to the chat now. */
    void sent(String channel, String chatId, boolean group) {
        long next = System.nanoTime() + (group ? perGroup : perChat);
        readyAt.merge(channel + ':' + chatId, next, Math::max);
    }

    void pause(String channel, String chatId, Duration duration) {
        readyAt.merge(channel + ':' + chatId, System.nanoTime() + duration.toNanos(), Math::max);
    }

    /** Forgets chats whose wait is over, so the map stays as small as the chats in their pause. */
    void prune() {
        long now = System.nanoTime();
        for (Iterator<Long> it = readyAt.values().iterator(); it.hasNext();) {
            if (it.next() - now <= 0) {
                it.remove();
            }
        }
    }
}
