package vn.hoibot.chat;

import static vn.hoibot.chat.Inbox.ts;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox rows' SQL. A row is PENDING until handled, then DONE (handled, or answered with an apology), IGNORED
 * (nothing for us) or UNREADABLE. Only the oldest pending row of a chat may be claimed, so a chat's updates are
 * handled in order across instances; a claim is a lease, taken over when its instance died.
 */
@Repository
class InboxStore {

    record Row(long id, String channel, String updateKey, String chatKey, String payload, int attempts) {
    }

    private final JdbcTemplate jdbc;

    InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Oldest first: the heads of their chats that are due and not claimed by a live instance. */
    List<Row> heads(int limit, Instant now) {
        return jdbc.query("""
                select i.id, i.channel, i.update_key, i.chat_key, i.payload, i.attempts from inbox_update i
                where i.status = 'PENDING' and i.not_before <= ? and (i.claimed_until is null or i.claimed_until < ?)
                  and not exists (select 1 from inbox_update e where e.status = 'PENDING' and e.channel = i.channel
                                  and e.chat_key = i.chat_key and e.id < i.id)
                order by i.id
                limit ?""", (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6)), ts(now), ts(now), limit);
    }

    /** Takes one head for this instance; false when another instance was faster or an older row appeared. */
    boolean claim(Row row, String instance, Instant now, Instant until) {
        return jdbc.update("""
                update inbox_update set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)
                  and not exists (select 1 from inbox_update e where e.status = 'PENDING' and e.channel = ?
                                  and e.chat_key = ? and e.id < ?)""", instance, ts(until), row.id(), ts(now),
                row.channel(), row.chatKey(), row.id()) == 1;
    }

    /**
     * Marks the update handled inside the caller's transaction (the one that holds its effects). False when it
     * is not pending: handled before (a re-delivery, or another instance that took over a lease), or unknown.
     * The row lock makes a second handler of the same update wait, then see it done.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean markDone(String channel, String updateKey, Instant now) {
        return jdbc.update("""
                update inbox_update set status = 'DONE', done_at = ?, claimed_by = null, claimed_until = null
                where channel = ? and update_key = ? and status = 'PENDING'""", ts(now), channel, updateKey) == 1;
    }

    /** True when the update is in the inbox (whatever its state). */
    boolean known(String channel, String updateKey) {
        Integer n = jdbc.queryForObject("select count(*) from inbox_update where channel = ? and update_key = ?",
                Integer.class, channel, updateKey);
        return n != null && n > 0;
    }

    boolean isDone(String channel, String updateKey) {
        Integer n = jdbc.queryForObject(
                "select count(*) from inbox_update where channel = ? and update_key = ? and status <> 'PENDING'",
                Integer.class, channel, updateKey);
        return n != null && n > 0;
    }

    /** Ends a row without handling it (IGNORED, UNREADABLE), or after its handling failed (DONE). */
    void finish(long id, String status, String error, Instant now) {
        jdbc.update("""
                update inbox_update set status = ?, last_error = ?, done_at = ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'PENDING'""", status, error, ts(now), id);
    }

    /** Back to the queue, not before {@code at} (the database or something else was not there). */
    void retryLater(long id, String instance, Instant at, String error) {
        jdbc.update("""
                update inbox_update set not_before = ?, last_error = ?, claimed_by = null, claimed_until = null
                where id = ? and status = 'PENDING' and claimed_by = ?""", ts(at), error, id, instance);
    }

    /** Gives back the claims of this instance (a clean stop), but not those still being handled. */
    int release(String instance, java.util.Collection<Long> stillHandled) {
        String except = stillHandled.isEmpty() ? ""
                : " and id not in (" + stillHandled.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")";
        return jdbc.update("update inbox_update set claimed_by = null, claimed_until = null where claimed_by = ? and status = 'PENDING'"
                + except, instance);
    }

    /** Handled rows older than {@code before}; pending rows are never deleted. */
    int forgetDone(Instant before) {
        return jdbc.update("delete from inbox_update where status <> 'PENDING' and done_at < ?", ts(before));
    }
}
