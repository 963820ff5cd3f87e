package vn.hoibot.meeting;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * Participation records: who came to an activity, how it was recorded (by a leader's checklist or her own
 * check-in code), when and by whom. A correction is a new record that supersedes the current one; nothing is
 * overwritten.
 */
@Service
public class Attendance {

    /** How attendance was recorded. */
    public enum Method {
        /** BUTTON: records from before self check-in asked for proof of presence (the code or the QR code). */
        LEADER, CODE, BUTTON, QR,
        /** IMPORT: from a province's Excel books ({@link PastActivities}). */
        IMPORT
    }

    /** One of her attended activities. */
    public record Attended(long activityId, String title, String typeCode, Instant startsAt, Method method) {
    }

    private final ActivityRepository activities;
    private final Invitees invitees;
    private final AccessPolicy policy;
    private final MeetingProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Attendance(ActivityRepository activities, Invitees invitees, AccessPolicy policy, MeetingProperties properties,
            JdbcTemplate jdbc, Clock clock) {
        this.activities = activities;
        this.invitees = invitees;
        this.policy = policy;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A leader marks her present or absent; returns whether that changed anything (a new record).
     *
     * @throws UserFacingException {@code meeting.attendance.too_early}, {@code meeting.attendance.not_invited}, ...
     */
    @Transactional
    public boolean mark(Actor actor, long activityId, long memberId, boolean present) {
        Activity activity = activities.lock(activityId)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(activityId)));
        policy.require(actor, Permission.MARK_ATTENDANCE, activity.unitId());
        activity.requireMarkable(clock.instant(), properties.checkinEarly());
        if (!invitees.isInvited(activity, memberId)) {
            throw new UserFacingException("meeting.attendance.not_invited");
        }
        return record(activityId, memberId, present, Method.LEADER, actor.memberId());
    }

    /**
     * An imported mark (recorded by nobody): a new record superseding the current one when it differs; returns
     * whether it changed anything. The caller checked the activity and the member.
     */
    @Transactional
    public boolean imported(long activityId, long memberId, boolean present) {
        return record(activityId, memberId, present, Method.IMPORT, null);
    }

    /**
     * She checks herself in with the code the leader read out, during the activity.
     *
     * @return the activity she is now recorded at
     * @throws UserFacingException {@code meeting.checkin.bad_code} for a wrong or expired code,
     *                             {@code meeting.checkin.already} when she is recorded present already
     */
    @Transactional
    public ActivityView checkIn(long memberId, String code) {
        Instant now = clock.instant();
        String normalised = code == null ? "" : code.strip();
        Activity activity = activities.withCode(normalised, now.minus(properties.checkinLate()),
                now.plus(properties.checkinEarly())).stream()
                .filter(a -> a.inCheckInWindow(now, properties.checkinEarly(), properties.checkinLate()))
                .filter(a -> invitees.isInvited(a, memberId))
                .findFirst().orElseThrow(() -> new UserFacingException("meeting.checkin.bad_code", normalised));
        activities.lock(activity.id()); // one check-in of hers at a time
        if (!record(activity.id(), memberId, true, Method.CODE, memberId)) {
            throw new UserFacingException("meeting.checkin.already", activity.title());
        }
        return activity.view();
    }

    /**
     * She checks herself in at an activity whose proof of presence was checked by the caller (a QR code shown at
     * the meeting), during its window.
     *
     * @throws UserFacingException {@code meeting.checkin.closed} outside the activity's window,
     *                             {@code meeting.rsvp.not_invited}, {@code meeting.checkin.already}
     */
    @Transactional
    ActivityView selfCheckIn(long memberId, long activityId, Method method) {
        Activity activity = activities.lock(activityId)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(activityId)));
        if (!activity.inCheckInWindow(clock.instant(), properties.checkinEarly(), properties.checkinLate())) {
            throw new UserFacingException("meeting.checkin.closed", activity.title());
        }
        if (!invitees.isInvited(activity, memberId)) {
            throw new UserFacingException("meeting.rsvp.not_invited", activity.title());
        }
        if (!record(activityId, memberId, true, method, memberId)) {
            throw new UserFacingException("meeting.checkin.already", activity.title());
        }
        return activity.view();
    }

    /** Whether members may check in now. */
    public boolean checkInOpen(ActivityView activity) {
        java.time.Instant now = clock.instant();
        return !activity.cancelled() && !now.isBefore(activity.startsAt().minus(properties.checkinEarly()))
                && !now.isAfter(activity.endsAt().plus(properties.checkinLate()));
    }

    /** Who is recorded present or absent now (the current records only). */
    @Transactional(readOnly = true)
    public Map<Long, Boolean> current(long activityId) {
        Map<Long, Boolean> result = new HashMap<>();
        jdbc.query("select member_id, present from participation where activity_id = ? and superseded_by is null",
                rs -> {
                    result.put(rs.getLong(1), rs.getBoolean(2));
                }, activityId);
        return result;
    }

    /** The activities she attended, latest first. */
    @Transactional(readOnly = true)
    public List<Attended> history(long memberId) {
        return jdbc.query("""
                select a.id, a.title, a.type_code, a.starts_at, p.method from participation p
                join activity a on a.id = p.activity_id
                where p.member_id = ? and p.present = true and p.superseded_by is null
                order by a.starts_at desc""",
                (rs, i) -> new Attended(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), Method.valueOf(rs.getString(5))), memberId);
    }

    private boolean record(long activityId, long memberId, boolean present, Method method, Long by) {
        Optional<Object[]> current = jdbc.query(
                "select id, present from participation where activity_id = ? and member_id = ? and superseded_by is null",
                (rs, i) -> new Object[] { rs.getLong(1), rs.getBoolean(2) }, activityId, memberId).stream().findFirst();
        if (current.isPresent() && (Boolean) current.get()[1] == present) {
            return false;
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into participation (activity_id, member_id, present, method, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?)""", new String[] { "id" });
            ps.setLong(1, activityId);
            ps.setLong(2, memberId);
            ps.setBoolean(3, present);
            ps.setString(4, method.name());
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.setObject(6, by);
            return ps;
        }, key);
        if (current.isPresent()) {
            jdbc.update("update participation set superseded_by = ? where id = ?", key.getKey().longValue(),
                    current.get()[0]);
        }
        return true;
    }
}
