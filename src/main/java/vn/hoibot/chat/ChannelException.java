package vn.hoibot.chat;

import java.time.Duration;

/** A send the channel refused or could not complete, classified so callers can decide to retry. */
public class ChannelException extends Exception {

    public enum Kind {
        /** Too many requests: wait {@link #retryAfter()} and try again. */
        RATE_LIMITED,
        /** The person blocked the bot or never started it. */
        BLOCKED,
        /** The chat does not exist (any more). */
        CHAT_NOT_FOUND,
        /** Network error before the request reached the channel, or 5xx: may succeed later. */
        TRANSIENT,
        /**
         * The request was sent but no answer came (the connection dropped, the answer timed out): the channel
         * may have delivered it. Never sent again automatically.
         */
        UNCONFIRMED,
        /** The request itself is wrong (400): retrying will not help. */
        PERMANENT
    }

    private final Kind kind;
    private final Duration retryAfter;

    public ChannelException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public ChannelException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#RATE_LIMITED}: how long the channel asked to wait; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
