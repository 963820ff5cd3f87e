package vn.hoibot.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Remembers which updates were handled, so a re-delivered update (after a restart) is not handled twice. */
@Component
public class ProcessedUpdates {

    /** Telegram keeps updates for 24 hours; remember them a little longer. */
    private static final Duration KEEP = Duration.ofHours(48);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedUpdates(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the update as handled in the current transaction; false when it was handled before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String channel, String updateKey) {
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

    @Transactional
    public int forgetOld() {
        return jdbc.update("delete from processed_update where processed_at < ?",
                Timestamp.from(clock.instant().minus(KEEP)));
    }
}
