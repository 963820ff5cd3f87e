package vn.hoibot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox's depth for the metrics endpoint: {@code hoibot.outbox.depth} with the status of the rows still to
 * go (pending, being sent). Read from the database at most every few seconds, however often it is scraped;
 * finished rows are not counted (a province's broadcasts leave millions).
 */
@Component
class OutboxMetrics {

    private static final Duration FRESH = Duration.ofSeconds(5);
    private static final DeliveryStatus[] OPEN = { DeliveryStatus.PENDING, DeliveryStatus.SENDING };

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile Map<DeliveryStatus, Long> depth = new EnumMap<>(DeliveryStatus.class);

    OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        for (DeliveryStatus status : OPEN) {
            Gauge.builder("hoibot.outbox.depth", this, m -> m.depth(status)).tag("status", status.name().toLowerCase())
                    .description("Outbox rows still to be sent, by status").register(registry);
        }
    }

    private double depth(DeliveryStatus status) {
        Instant now = clock.instant();
        if (Duration.between(readAt, now).compareTo(FRESH) >= 0) {
            try {
                Map<DeliveryStatus, Long> read = new EnumMap<>(DeliveryStatus.class);
                jdbc.query("select status, count(*) from outbox where status in ('PENDING', 'SENDING') group by status",
                        rs -> {
                            read.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
                        });
                depth = read;
                readAt = now;
            } catch (RuntimeException e) {
                // the database is away: the last figures stand (the health endpoint says why)
            }
        }
        return depth.getOrDefault(status, 0L);
    }
}
