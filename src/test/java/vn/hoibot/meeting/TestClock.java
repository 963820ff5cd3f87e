package vn.hoibot.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock plus an offset tests move forward. How tests drive Quartz: Quartz keeps system time, and a
 * trigger is stored at "system now + (reminder time - clock now)"; after moving this clock a test calls
 * {@link Reminders#realign()}, which re-derives every pending trigger from the moved clock, so a reminder due
 * "now" fires through Quartz within a second, and one already past fires as a misfire (fire now) and is
 * dropped by the reminder itself.
 */
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it reads {@code at} now (never backwards). */
    public void moveTo(Instant at) {
        Duration by = Duration.between(instant(), at);
        if (by.isNegative()) {
            throw new IllegalArgumentException("The test clock only moves forward");
        }
        advance(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }
}
