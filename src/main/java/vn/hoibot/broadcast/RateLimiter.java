package vn.hoibot.broadcast;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The global pace: hands out send slots evenly spaced at 1/rate (no bursts), and can be paused after a 429.
 * Measures with the monotonic {@link System#nanoTime()}: pacing is about real elapsed time, not the wall clock.
 */
@Component
class RateLimiter {

    private static final long SLICE = TimeUnit.MILLISECONDS.toNanos(50);

    private final long intervalNanos;
    private final ReentrantLock turn = new ReentrantLock(true);
    private final ReentrantLock gate = new ReentrantLock(true);
    private long lastSend = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private long nextSlot = System.nanoTime();
    private volatile long pausedUntil = System.nanoTime();

    @Autowired
    RateLimiter(BroadcastProperties properties) {
        this(properties.globalRatePerSecond());
    }

    RateLimiter(double perSecond) {
        this.intervalNanos = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / perSecond));
    }

    /**
     * Waits for the next slot; false if {@code running} turned false meanwhile. Callers take turns, and the next
     * slot counts from when this one was really granted: after a stall (GC, a busy CPU) sends do not rush to catch
     * up, which would be a burst; only a small lateness (a quarter interval) is made good.
     */
    boolean acquire(BooleanSupplier running) {
        turn.lock();
        try {
            long slot;
            long now;
            do {
                now = System.nanoTime();
                slot = Math.max(now, Math.max(nextSlot, pausedUntil)); // after idle the slot is now, no credit
                if (!waitNanos(slot - now, running)) {
                    return false;
                }
                now = System.nanoTime();
            } while (now - pausedUntil < 0);
            nextSlot = Math.max(slot, now - intervalNanos / 4) + intervalNanos;
            return true;
        } finally {
            turn.unlock();
        }
    }

    /**
     * The last step before a request goes out: keeps at least 0.8 interval between actual sends, so requests that
     * were granted slots in turn but then held up together (a database or GC pause between slot and request) are
     * spread out again instead of reaching the channel as one burst. The average stays with {@link #acquire}.
     */
    void gate() {
        gate.lock();
        try {
            long wait = lastSend + intervalNanos * 4 / 5 - System.nanoTime();
            waitNanos(wait, () -> true);
            lastSend = System.nanoTime();
        } finally {
            gate.unlock();
        }
    }

    void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        synchronized (this) {
            if (until - pausedUntil > 0) {
                pausedUntil = until;
            }
        }
    }

    /** Parks in short slices so a stop is noticed quickly (no interrupts: they break JDBC drivers such as H2). */
    static boolean waitNanos(long nanos, BooleanSupplier running) {
        long end = System.nanoTime() + nanos;
        long left = nanos;
        while (left > 0) {
            if (!running.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(left, SLICE));
            left = end - System.nanoTime();
        }
        return running.getAsBoolean();
    }
}
