package vn.hoibot.broadcast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox rows' SQL. Every state change is one conditional UPDATE (on the status it expects and, while
 * sending, on the instance that claimed it), so two instances or a late thread can never both win.
 */
@Repository
class OutboxStore {

    /** A claimed row, with what is needed to send it. */
    record Row(long id, long broadcastId, String channel, String chatId, boolean group, String variant,
            String personalText, int attempts) {
    }

    private static final String CLAIMABLE = """
            select id, broadcast_id, channel, chat_id, is_group, variant, personal_text, attempts
            from outbox
            where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
              and broadcast_id in (select b.id from broadcast b where b.status = 'SENDING')
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * Claims up to {@code limit} due rows for this instance until {@code until}. Rows locked by another instance's
     * claim are skipped (SKIP LOCKED); rows claimed earlier by a live instance are skipped by their lease.
     */
    @Transactional
    public List<Row> claim(String instance, int limit, Instant now, Instant until) {
        List<Row> rows = jdbc.query(CLAIMABLE, (rs, i) -> new Row(rs.getLong("id"), rs.getLong("broadcast_id"),
                rs.getString("channel"), rs.getString("chat_id"), rs.getBoolean("is_group"), rs.getString("variant"),
                rs.getString("personal_text"), rs.getInt("attempts")), ts(now), ts(now),
                limit);
        if (!rows.isEmpty()) {
            String ids = rows.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","));
            jdbc.update("update outbox set claimed_by = ?, claimed_until = ? where id in (" + ids + ")", instance,
                    ts(until));
        }
        return rows;
    }

    /** Commits "about to send" before the call; false when the row was cancelled, skipped or taken meanwhile. */
    boolean markSending(long id, String instance, Instant until) {
        return jdbc.update("""
                update outbox set status = 'SENDING', attempts = attempts + 1, claimed_until = ?
                where id = ? and status = 'PENDING' and claimed_by = ?""", ts(until), id, instance) == 1;
    }

    boolean markSent(long id, String messageId, Instant at) {
        return jdbc.update("""
                update outbox set status = 'SENT', sent_message_id = ?, sent_at = ?, last_error = null,
                  claimed_by = null, claimed_until = null
                where id = ? and status = 'SENDING'""", messageId, ts(at), id) == 1;
    }

    /** Back to the queue after a failed try; {@code refundAttempt} for a 429, which is not the row's fault. */
    void retryLater(long id, Instant at, String errorCode, boolean refundAttempt) {
        jdbc.update("""
                update outbox set status = 'PENDING', next_attempt_at = ?, last_error = ?,
                  attempts = attempts - ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'SENDING'""", ts(at), errorCode, refundAttempt ? 1 : 0, id);
    }

    void finish(long id, DeliveryStatus status, String errorCode) {
        jdbc.update("""
                update outbox set status = ?, last_error = ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'SENDING'""", status.name(), errorCode, id);
    }

    /** Puts a claimed row back until its chat may receive again (per-chat pacing). */
    void defer(long id, String instance, Instant at) {
        jdbc.update("""
                update outbox set next_attempt_at = ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'PENDING' and claimed_by = ?""", ts(at), id, instance);
    }

    /** Holds every queued row of a chat until {@code at} (after a 429 for that chat). */
    void deferChat(String channel, String chatId, Instant at) {
        jdbc.update("""
                update outbox set next_attempt_at = ?
                where channel = ? and chat_id = ? and status = 'PENDING' and next_attempt_at < ?""", ts(at), channel,
                chatId, ts(at));
    }

    /** Skips every queued row of a chat that cannot be reached. */
    int skipChat(String channel, String chatId, String errorCode) {
        return jdbc.update("""
                update outbox set status = 'UNREACHABLE', last_error = ?, claimed_by = null, claimed_until = null
                where channel = ? and chat_id = ? and status = 'PENDING'""", errorCode, channel, chatId);
    }

    /** Gives back the rows this instance claimed but did not start (on a clean stop). */
    int releaseClaims(String instance) {
        return jdbc.update("""
                update outbox set claimed_by = null, claimed_until = null
                where claimed_by = ? and status = 'PENDING'""", instance);
    }

    /**
     * Rows left in SENDING by an instance that died during the call: the message may or may not have gone out,
     * so they are failed as UNCONFIRMED rather than sent again (see {@link OutboxDispatcher}).
     */
    int failUnconfirmed(Instant now) {
        return jdbc.update("""
                update outbox set status = 'FAILED', last_error = 'UNCONFIRMED', claimed_by = null, claimed_until = null
                where status = 'SENDING' and claimed_until < ?""", ts(now));
    }

    /** A scheduled broadcast started (at its time, or earlier): its rows are due now. */
    void dueNow(long broadcastId, Instant now) {
        jdbc.update("update outbox set next_attempt_at = ? where broadcast_id = ? and status = 'PENDING' and next_attempt_at > ?",
                ts(now), broadcastId, ts(now));
    }

    int cancelPending(long broadcastId) {
        return jdbc.update("""
                update outbox set status = 'CANCELLED', claimed_by = null, claimed_until = null
                where broadcast_id = ? and status = 'PENDING'""", broadcastId);
    }

    boolean acknowledge(long id, String channel, String chatId, Instant at) {
        return jdbc.update("""
                update outbox set acknowledged_at = ?
                where id = ? and channel = ? and chat_id = ? and status = 'SENT' and acknowledged_at is null""",
                ts(at), id, channel, chatId) == 1;
    }

    /** Remembers the button key issued for the row's {@code Đã đọc} button. */
    void setAckKey(long id, String key) {
        jdbc.update("update outbox set ack_key = ? where id = ?", key, id);
    }
}
