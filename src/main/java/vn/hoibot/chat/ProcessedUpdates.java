package vn.hoibot.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which updates were handled, so a re-delivered update is not handled twice. Updates that came
 * through the {@link Inbox} are marked there (one statement, in the transaction of their effects); an update key
 * the inbox does not know (a channel without an inbox) falls back to the processed_update table.
 */
@Component
public class ProcessedUpdates {

    /** Telegram keeps updates for 24 hours; remember them a little longer. */
    private static final Duration KEEP = Duration.ofHours(48);

    private final JdbcTemplate jdbc;
    private final InboxStore inbox;
    private final Clock clock;

    ProcessedUpdates(JdbcTemplate jdbc, InboxStore inbox, Clock clock) {
        this.jdbc = jdbc;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Records the update as handled in the current transaction; false when it was handled before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String channel, String updateKey) {
        if (inbox.markDone(channel, updateKey, clock.instant())) {
            return true;
        }
        if (inbox.known(channel, updateKey)) {
            return false;
        }
        Integer seen = jdbc.queryForObject(
                "select count(*) from processed_update where channel = ? and update_key = ?", Integer.class, channel,
                updateKey);
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update("insert into processed_update (channel, update_key, processed_at) values (?, ?, ?)", channel,
                updateKey, Timestamp.from(clock.instant()));
        return true;
    }

    @Transactional
    public void markHandled(String channel, String updateKey) {
        claim(channel, updateKey);
    }

    /** True when another handler has recorded the update (the loser of a race asks after its rollback). */
    public boolean handledBefore(String channel, String updateKey) {
        if (inbox.isDone(channel, updateKey)) {
            return true;
        }
        Integer seen = jdbc.queryForObject(
                "select count(*) from processed_update where channel = ? and update_key = ?", Integer.class, channel,
                updateKey);
        return seen != null && seen > 0;
    }

    @Transactional
    public int forgetOld() {
        return jdbc.update("delete from processed_update where processed_at < ?",
                Timestamp.from(clock.instant().minus(KEEP)));
    }
}
