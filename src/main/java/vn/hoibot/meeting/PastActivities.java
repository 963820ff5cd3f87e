package vn.hoibot.meeting;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Messages;
import vn.hoibot.text.Texts;

/**
 * Activities that took place before the bot, imported from a province's Excel books: ordinary activities (the
 * whole subtree of the organising unit invited) and participation records, written without announcement or
 * reminder. Keyed by the book's activity code, so importing the same book again changes nothing. Permissions and
 * the file's rules are the importer's check.
 */
@Service
public class PastActivities {

    /** An activity of the book: {@code partners} null or blank for none. */
    public record PastActivity(String code, long unitId, String typeCode, String title, Instant startsAt,
            Instant endsAt, String partners, boolean cancelled) {
    }

    /** What {@link #record} did, and the activity's id. */
    public record Recorded(long id, Outcome outcome) {
    }

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    private final JdbcTemplate jdbc;
    private final MeetingProperties properties;
    private final Messages messages;
    private final Attendance attendance;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PastActivities(JdbcTemplate jdbc, MeetingProperties properties, Messages messages, Attendance attendance,
            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.messages = messages;
        this.attendance = attendance;
        this.clock = clock;
    }

    /**
     * The type code for what the book says: the code itself, its name ({@code meeting.type.<code>}) or one of its
     * words ({@code meeting.type.<code>.words}), accents and case folded.
     */
    public Optional<String> typeCode(String text) {
        String folded = Texts.fold(text);
        Map<String, String> words = new HashMap<>();
        for (String code : properties.types()) {
            words.put(Texts.fold(code), code);
            words.put(Texts.fold(messages.get(Messages.VIETNAMESE, "meeting.type." + code)), code);
        }
        for (String code : properties.types()) {
            for (String word : messages.get(Messages.VIETNAMESE, "meeting.type." + code + ".words").split(",")) {
                words.putIfAbsent(Texts.fold(word), code);
            }
        }
        return Optional.ofNullable(words.get(folded));
    }

    /** When an activity of this type starting then ends, when the book gives no end. */
    public Instant endOf(String typeCode, Instant startsAt) {
        return startsAt.plus(properties.durationOf(typeCode));
    }

    /** The id of the activity imported with this code, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> findImported(String code) {
        return jdbc.queryForList("select id from activity where import_code = ?", Long.class, code).stream()
                .findFirst();
    }

    /** Creates the activity of this code, or brings the one imported before in line with the book. */
    @Transactional
    public Recorded record(PastActivity a) {
        String partners = a.partners() == null || a.partners().isBlank() ? null : a.partners().strip();
        String status = a.cancelled() ? "CANCELLED" : "SCHEDULED";
        Timestamp now = Timestamp.from(clock.instant());
        List<Map<String, Object>> existing = jdbc.queryForList("select id, unit_id, type_code, title, starts_at, "
                + "ends_at, partners, status from activity where import_code = ?", a.code());
        if (existing.isEmpty()) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into activity (unit_id, type_code, title, starts_at, ends_at, "
                        + "partners, audience_kind, status, checkin_code, created_at, cancelled_at, import_code) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
                ps.setLong(1, a.unitId());
                ps.setString(2, a.typeCode());
                ps.setString(3, a.title());
                ps.setTimestamp(4, Timestamp.from(a.startsAt()));
                ps.setTimestamp(5, Timestamp.from(a.endsAt()));
                ps.setString(6, partners);
                ps.setString(7, AudienceKind.SUBTREE.name());
                ps.setString(8, status);
                ps.setString(9, String.format("%06d", random.nextInt(1_000_000)));
                ps.setTimestamp(10, now);
                ps.setTimestamp(11, a.cancelled() ? now : null);
                ps.setString(12, a.code());
                return ps;
            }, key);
            long id = key.getKey().longValue();
            jdbc.update("insert into activity_audience (activity_id, unit_id) values (?, ?)", id, a.unitId());
            return new Recorded(id, Outcome.CREATED);
        }
        Map<String, Object> row = existing.get(0);
        long id = ((Number) row.get("id")).longValue();
        boolean same = ((Number) row.get("unit_id")).longValue() == a.unitId()
                && a.typeCode().equals(row.get("type_code")) && a.title().equals(row.get("title"))
                && instant(row.get("starts_at")).equals(a.startsAt()) && instant(row.get("ends_at")).equals(a.endsAt())
                && Objects.equals(partners, row.get("partners")) && status.equals(row.get("status"));
        if (same) {
            return new Recorded(id, Outcome.UNCHANGED);
        }
        jdbc.update("update activity set unit_id = ?, type_code = ?, title = ?, starts_at = ?, ends_at = ?, "
                + "partners = ?, status = ?, changed_at = ?, cancelled_at = ?, version = version + 1 where id = ?",
                a.unitId(), a.typeCode(), a.title(), Timestamp.from(a.startsAt()), Timestamp.from(a.endsAt()), partners,
                status, now, a.cancelled() ? now : null, id);
        jdbc.update("delete from activity_audience where activity_id = ?", id);
        jdbc.update("insert into activity_audience (activity_id, unit_id) values (?, ?)", id, a.unitId());
        return new Recorded(id, Outcome.UPDATED);
    }

    /** Her mark at an imported activity; whether it changed anything (a correction supersedes, as always). */
    @Transactional
    public boolean attendance(long activityId, long memberId, boolean present) {
        return attendance.imported(activityId, memberId, present);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.from((java.time.temporal.TemporalAccessor) value);
    }
}
