package vn.hoibot.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The system clock plus an offset that survey tests move forward. */
public class SurveyClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    SurveyClock(ZoneId zone) {
        this.zone = zone;
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        SurveyClock c = new SurveyClock(other);
        c.offset = offset;
        return c;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        SurveyClock surveyClock() {
            return new SurveyClock(ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }
}
