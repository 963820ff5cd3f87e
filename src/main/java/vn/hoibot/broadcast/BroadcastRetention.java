package vn.hoibot.broadcast;

import static vn.hoibot.broadcast.OutboxStore.ts;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps delivery records only while their report is useful ({@code hoibot.broadcast.delivery-retention}, 90 days
 * by default): once a broadcast finished that long ago, its outbox rows and its texts are deleted; the broadcast
 * row keeps its final counts (written when it finished), so totals still add up.
 */
@Component
class BroadcastRetention {

    private static final Logger log = LoggerFactory.getLogger(BroadcastRetention.class);

    private final JdbcTemplate jdbc;
    private final BroadcastProperties properties;
    private final Clock clock;

    BroadcastRetention(JdbcTemplate jdbc, BroadcastProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT6H")
    void run() {
        purgeFinishedBefore(clock.instant().minus(properties.deliveryRetention()));
        purge(clock.instant().minus(properties.directRetention()), " and kind = 'SYSTEM'");
    }

    /** Deletes the delivery records and texts of broadcasts finished before {@code cutoff}; returns rows deleted. */
    @Transactional
    public int purgeFinishedBefore(Instant cutoff) {
        return purge(cutoff, "");
    }

    private int purge(Instant cutoff, String andKind) {
        String finished = "select id from broadcast where finished_at is not null and finished_at < ?" + andKind;
        int rows = jdbc.update("delete from outbox where broadcast_id in (" + finished + ")", ts(cutoff));
        int texts = jdbc.update("delete from broadcast_variant where broadcast_id in (" + finished + ")", ts(cutoff));
        jdbc.update("update broadcast set progress_chat_id = null, progress_message_id = null, progress_buttons = null,"
                + " attachment_ref = null where finished_at is not null and finished_at < ?" + andKind, ts(cutoff));
        if (rows + texts > 0) {
            log.info("Retention: {} delivery records and {} texts of old broadcasts deleted", rows, texts);
        }
        return rows;
    }
}
