package vn.hoibot.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/** The one time zone of the service, Asia/Ho_Chi_Minh, and the few conversions every module needs. */
public final class ServiceZone {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ServiceZone() {
    }

    public static TimeZone timeZone() {
        return TimeZone.getTimeZone(VIETNAM);
    }

    /** Today in Vietnam by the service clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), VIETNAM);
    }

    /**
     * The system time at which a scheduler that keeps system time (Quartz) must fire for {@code at} on the service
     * clock: tests move the clock, so the distance from now is kept, not the instant.
     */
    public static Date schedulerTime(Clock clock, Instant at) {
        return Date.from(Instant.now().plus(Duration.between(clock.instant(), at)));
    }
}
