package vn.hoibot.chat;

import java.time.Duration;

/**
 * The channel's rate limits, shared by every sender of this instance: replies here, broadcasts in the outbox.
 * Implemented by the module that owns the limiter; without one, replies go out unpaced.
 */
public interface SendPacing {

    /** Messages per second this instance may send in all (what the channel's HTTP client must be able to carry). */
    default double ratePerSecond() {
        return 30;
    }

    /** Waits until a message to this chat may go out (the global slot and the chat's own interval). */
    void awaitTurn(String channel, String chatId, boolean group);

    /** The channel answered "too many requests" for this chat: hold it (and, briefly, everyone). */
    void rateLimited(String channel, String chatId, Duration retryAfter);
}
