package vn.hoibot.broadcast;

import static vn.hoibot.broadcast.OutboxStore.instant;
import static vn.hoibot.broadcast.OutboxStore.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import vn.hoibot.broadcast.NewBroadcast.ProgressTarget;
import vn.hoibot.chat.Attachment;

/** The broadcast rows' SQL: header, variants, per-status counts. */
@Repository
class BroadcastStore {

    /** A broadcast's header as stored. */
    record Header(long id, BroadcastKind kind, Long createdBy, String audience, Long unitId, boolean html,
            Attachment attachment,
            BroadcastStatus status, Instant createdAt, Instant startedAt, Instant finishedAt,
            ProgressTarget progress, int total) {
    }

    /** What is sent to recipients of one variant. */
    record Variant(String text, String buttons) {
    }

    private final JdbcTemplate jdbc;

    BroadcastStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewBroadcast b, BroadcastStatus status, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        ProgressTarget p = b.progress();
        Attachment a = b.attachment();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into broadcast (kind, created_by, audience, unit_id, format, attachment_kind,
                      attachment_ref, attachment_name, status, scheduled_at, created_at, started_at,
                      progress_channel, progress_chat_id, progress_message_id, progress_locale, progress_buttons,
                      total_count)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
            int i = 1;
            ps.setString(i++, b.kind().name());
            ps.setObject(i++, b.createdBy());
            ps.setString(i++, b.audience());
            ps.setObject(i++, b.unitId());
            ps.setString(i++, b.html() ? "HTML" : "PLAIN");
            ps.setString(i++, a == null ? null : a.kind().name());
            ps.setString(i++, a == null ? null : a.fileRef());
            ps.setString(i++, a == null ? null : a.fileName());
            ps.setString(i++, status.name());
            ps.setObject(i++, ts(b.scheduledAt()));
            ps.setObject(i++, ts(now));
            ps.setObject(i++, status == BroadcastStatus.SENDING ? ts(now) : null);
            ps.setString(i++, p == null ? null : p.channel());
            ps.setString(i++, p == null ? null : p.chatId());
            ps.setString(i++, p == null ? null : p.messageId());
            ps.setString(i++, p == null ? null : p.locale());
            ps.setString(i++, p == null ? null : ButtonSpecs.encodeButtons(p.buttons()));
            ps.setInt(i, b.recipients().size());
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        b.variants().forEach((name, content) -> jdbc.update(
                "insert into broadcast_variant (broadcast_id, variant, text, buttons) values (?, ?, ?, ?)", id, name,
                content.text(), ButtonSpecs.encode(content.buttons())));
        return id;
    }

    Optional<Header> find(long id) {
        return jdbc.query("select * from broadcast where id = ?", (rs, i) -> {
            String attachmentKind = rs.getString("attachment_kind");
            String progressChat = rs.getString("progress_chat_id");
            return new Header(rs.getLong("id"), BroadcastKind.valueOf(rs.getString("kind")),
                    rs.getObject("created_by", Long.class), rs.getString("audience"),
                    rs.getObject("unit_id", Long.class),
                    "HTML".equals(rs.getString("format")),
                    attachmentKind == null ? null
                            : new Attachment(Attachment.Kind.valueOf(attachmentKind), rs.getString("attachment_name"),
                                    null, rs.getString("attachment_ref")),
                    BroadcastStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
                    instant(rs, "started_at"), instant(rs, "finished_at"),
                    progressChat == null ? null
                            : new ProgressTarget(rs.getString("progress_channel"), progressChat,
                                    rs.getString("progress_message_id"), rs.getString("progress_locale"),
                                    ButtonSpecs.decodeButtons(rs.getString("progress_buttons"))),
                    rs.getInt("total_count"));
        }, id).stream().findFirst();
    }

    Map<String, Variant> variants(long id) {
        Map<String, Variant> variants = new HashMap<>();
        jdbc.query("select variant, text, buttons from broadcast_variant where broadcast_id = ?",
                rs -> {
                    variants.put(rs.getString("variant"), new Variant(rs.getString("text"), rs.getString("buttons")));
                }, id);
        return variants;
    }

    /** Rows per delivery status. */
    Map<DeliveryStatus, Integer> counts(long id) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) {
            counts.put(s, 0);
        }
        jdbc.query("select status, count(*) as n from outbox where broadcast_id = ? group by status",
                rs -> {
                    counts.put(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("n"));
                }, id);
        return counts;
    }

    int acknowledged(long id) {
        Integer n = jdbc.queryForObject(
                "select count(*) from outbox where broadcast_id = ? and acknowledged_at is not null", Integer.class,
                id);
        return n == null ? 0 : n;
    }

    int unconfirmed(long id) {
        Integer n = jdbc.queryForObject(
                "select count(*) from outbox where broadcast_id = ? and last_error = 'UNCONFIRMED'", Integer.class, id);
        return n == null ? 0 : n;
    }

    List<Long> inStatus(BroadcastStatus status) {
        return jdbc.queryForList("select id from broadcast where status = ? order by id", Long.class, status.name());
    }

    /** Cancelled broadcasts whose summary has not been written yet. */
    List<Long> cancelledUnfinished() {
        return jdbc.queryForList("select id from broadcast where status = 'CANCELLED' and finished_at is null",
                Long.class);
    }

    /** Moves a broadcast on if it is still in {@code from}; true for the one caller that did it. */
    boolean transition(long id, BroadcastStatus from, BroadcastStatus to, Instant at) {
        if (to == BroadcastStatus.SENDING) {
            return jdbc.update("""
                    update broadcast set status = ?, started_at = ?, version = version + 1
                    where id = ? and status = ?""", to.name(), ts(at), id, from.name()) == 1;
        }
        return jdbc.update("update broadcast set status = ?, version = version + 1 where id = ? and status = ?",
                to.name(), id, from.name()) == 1;
    }

    void setProgressButtons(long id, String encoded) {
        jdbc.update("update broadcast set progress_buttons = ? where id = ?", encoded, id);
    }

    void setCancelledBy(long id, Long member) {
        jdbc.update("update broadcast set cancelled_by = ? where id = ?", member, id);
    }

    /** Writes the final counts and the finish time; true for the one caller that did it. */
    boolean close(long id, Instant at, Map<DeliveryStatus, Integer> counts, int acknowledged) {
        return jdbc.update("""
                update broadcast set finished_at = ?, sent_count = ?, failed_count = ?, unreachable_count = ?,
                  cancelled_count = ?, acknowledged_count = ?
                where id = ? and finished_at is null""", ts(at), counts.get(DeliveryStatus.SENT),
                counts.get(DeliveryStatus.FAILED), counts.get(DeliveryStatus.UNREACHABLE),
                counts.get(DeliveryStatus.CANCELLED), acknowledged, id) == 1;
    }

    /**
     * Claims the sending of a progress message for a broadcast that has none yet (a scheduled notice); the id is
     * empty until {@link #setProgressMessage} records it. True for the one caller that claimed it.
     */
    boolean claimProgressMessage(long id) {
        return jdbc.update("""
                update broadcast set progress_message_id = ''
                where id = ? and progress_chat_id is not null and progress_message_id is null""", id) == 1;
    }

    void setProgressMessage(long id, String messageId) {
        jdbc.update("update broadcast set progress_message_id = ? where id = ?", messageId, id);
    }

    /** Claims the next progress edit of a broadcast; false when another instance edited it recently. */
    boolean claimProgressEdit(long id, Instant now, Instant notBefore) {
        return jdbc.update("""
                update broadcast set progress_edited_at = ?
                where id = ? and (progress_edited_at is null or progress_edited_at <= ?)""", ts(now), id,
                ts(notBefore)) == 1;
    }

    List<BroadcastReport.Undelivered> undelivered(long id) {
        return jdbc.query("""
                select channel, chat_id, member_id, is_group, status, last_error from outbox
                where broadcast_id = ? and status in ('UNREACHABLE', 'FAILED') order by id""",
                (rs, i) -> new BroadcastReport.Undelivered(rs.getString("channel"), rs.getString("chat_id"),
                        rs.getObject("member_id", Long.class), rs.getBoolean("is_group"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getString("last_error")),
                id);
    }
}
