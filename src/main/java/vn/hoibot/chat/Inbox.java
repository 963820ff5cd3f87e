package vn.hoibot.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable inbox, the one door for updates from a channel's intake (Telegram long polling today, a webhook
 * later): a batch is stored in one transaction, and only after it committed may the intake confirm it to the
 * channel (move the getUpdates offset, answer 200). Storing the same update twice keeps the first (the key is
 * the channel's update id). {@link InboxWorkers} take it from there. Safe to call from several instances.
 */
@Component
public class Inbox {

    /**
     * One raw update as the channel sent it.
     *
     * @param updateKey the channel's id of the update (Telegram's update_id)
     * @param chatKey   the chat it belongs to; updates of one chat are handled one after another, in order
     * @param payload   the update as received (JSON for Telegram), with NUL characters already removed
     */
    public record Entry(String updateKey, String chatKey, String payload) {

        public Entry {
            payload = withoutNul(payload);
            chatKey = chatKey == null || chatKey.isBlank() ? "-" : chatKey;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final InboxSignal signal;

    Inbox(JdbcTemplate jdbc, Clock clock, InboxSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
    }

    /**
     * Stores a batch in one transaction; returns how many were new. Throws when the database cannot take it:
     * then nothing may be confirmed to the channel.
     */
    @Transactional
    public int store(String channel, List<Entry> entries) {
        OffsetDateTime now = ts(clock.instant());
        int added = 0;
        for (Entry entry : entries) {
            added += jdbc.update("""
                    insert into inbox_update (channel, update_key, chat_key, payload, status, received_at, not_before)
                    values (?, ?, ?, ?, 'PENDING', ?, ?)
                    on conflict do nothing""", channel, entry.updateKey(), entry.chatKey(), entry.payload(), now, now);
        }
        if (added > 0) {
            signal.afterCommit();
        }
        return added;
    }

    /** Updates stored and not yet handled, across instances. */
    public int pending() {
        Integer n = jdbc.queryForObject("select count(*) from inbox_update where status = 'PENDING'", Integer.class);
        return n == null ? 0 : n;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** PostgreSQL refuses NUL in text, and nobody means one: removed at intake. */
    public static String withoutNul(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }
}
