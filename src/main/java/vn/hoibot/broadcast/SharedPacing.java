package vn.hoibot.broadcast;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.SendPacing;

/** Lets the chat core's replies take their turn in the same global and per-chat pace as the outbox. */
@Component
class SharedPacing implements SendPacing {

    /** A reply waits at most this long for its chat; a person who just wrote should not wait for a broadcast. */
    private static final long MAX_CHAT_WAIT = TimeUnit.SECONDS.toNanos(3);

    private final RateLimiter limiter;
    private final ChatPacer pacer;
    private final BroadcastProperties properties;

    SharedPacing(RateLimiter limiter, ChatPacer pacer, BroadcastProperties properties) {
        this.limiter = limiter;
        this.pacer = pacer;
        this.properties = properties;
    }

    @Override
    public double ratePerSecond() {
        return properties.globalRatePerSecond();
    }

    @Override
    public void awaitTurn(String channel, String chatId, boolean group) {
        RateLimiter.waitNanos(Math.min(pacer.waitFor(channel, chatId), MAX_CHAT_WAIT), () -> true);
        limiter.acquire(() -> true);
        pacer.sent(channel, chatId, group);
    }

    @Override
    public void rateLimited(String channel, String chatId, Duration retryAfter) {
        pacer.pause(channel, chatId, retryAfter);
        limiter.pause(retryAfter.compareTo(properties.maxGlobalPause()) < 0 ? retryAfter : properties.maxGlobalPause());
    }
}
