package vn.hoibot.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the inbox does, for the metrics endpoint: updates handled by outcome ({@code hoibot.updates}), how long
 * each took ({@code hoibot.update.handling}, a histogram), and how far behind the workers are: updates waiting
 * ({@code hoibot.inbox.pending}) and the age of the oldest of them ({@code hoibot.inbox.lag}, seconds). The two
 * gauges read the database at most every few seconds, however often they are scraped.
 */
@Component
public class InboxMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Timer handling;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, 0, 0);

    InboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.clock = clock;
        this.handling = Timer.builder("hoibot.update.handling").description("Time from taking an update to its outcome")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("hoibot.inbox.pending", this, m -> m.current().pending())
                .description("Updates stored and not yet handled").register(registry);
        Gauge.builder("hoibot.inbox.lag", this, m -> m.current().lagSeconds()).baseUnit("seconds")
                .description("Age of the oldest update not yet handled").register(registry);
    }

    /** Starts timing one update (on the meter registry's own monotonic clock). */
    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** One update taken from the inbox ended with this outcome (done, ignored, unreadable, retry, given_up). */
    void handled(String outcome, Timer.Sample started) {
        outcomes.computeIfAbsent(outcome, o -> Counter.builder("hoibot.updates").tag("outcome", o)
                .description("Updates taken from the inbox, by outcome").register(registry)).increment();
        started.stop(handling);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (Duration.between(s.at(), now).compareTo(FRESH) < 0) {
            return s;
        }
        try {
            s = jdbc.queryForObject("select count(*), min(received_at) from inbox_update where status = 'PENDING'",
                    (rs, n) -> {
                        Timestamp oldest = rs.getTimestamp(2);
                        double lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0);
                        return new Snapshot(now, rs.getLong(1), lag);
                    });
            snapshot = s;
        } catch (RuntimeException e) {
            // the database is away: the last figures stand (the health endpoint says why)
        }
        return s;
    }

    private record Snapshot(Instant at, long pending, double lagSeconds) {
    }
}
