package vn.hoibot.meeting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.MemberView;

/** Answers to invitations: one per member and activity, changeable until the activity starts. */
@Service
public class Rsvps {

    /** Who answered what, and how many invited members have not answered. */
    public record Summary(Map<Rsvp, List<String>> names, int invited, int unanswered) {
    }

    private final ActivityRepository activities;
    private final Invitees invitees;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Rsvps(ActivityRepository activities, Invitees invitees, JdbcTemplate jdbc, Clock clock) {
        this.activities = activities;
        this.invitees = invitees;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records her answer, replacing an earlier one.
     *
     * @throws UserFacingException {@code meeting.rsvp.not_invited}, {@code meeting.rsvp.closed},
     *                             {@code meeting.activity.cancelled}, {@code meeting.activity.not_found}
     */
    @Transactional
    public ActivityView answer(long activityId, long memberId, Rsvp answer) {
        Activity activity = activities.findById(activityId)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(activityId)));
        if (!invitees.isInvited(activity, memberId)) {
            throw new UserFacingException("meeting.rsvp.not_invited", activity.title());
        }
        Instant now = clock.instant();
        activity.requireOpenForAnswers(now);
        int updated = jdbc.update("update activity_rsvp set answer = ?, answered_at = ? where activity_id = ? and member_id = ?",
                answer.name(), Timestamp.from(now), activityId, memberId);
        if (updated == 0) {
            jdbc.update("insert into activity_rsvp (activity_id, member_id, answer, answered_at) values (?, ?, ?, ?)",
                    activityId, memberId, answer.name(), Timestamp.from(now));
        }
        return activity.view();
    }

    @Transactional(readOnly = true)
    public Optional<Rsvp> answerOf(long activityId, long memberId) {
        return jdbc.queryForList("select answer from activity_rsvp where activity_id = ? and member_id = ?",
                String.class, activityId, memberId).stream().findFirst().map(Rsvp::valueOf);
    }

    /** Every answer given to an activity's invitation, by member id. */
    @Transactional(readOnly = true)
    public Map<Long, Rsvp> answers(long activityId) {
        Map<Long, Rsvp> answers = new java.util.HashMap<>();
        jdbc.query("select member_id, answer from activity_rsvp where activity_id = ?",
                rs -> {
                    answers.put(rs.getLong(1), Rsvp.valueOf(rs.getString(2)));
                }, activityId);
        return answers;
    }

    @Transactional(readOnly = true)
    public Summary summary(long activityId) {
        Activity activity = activities.findById(activityId)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(activityId)));
        Map<Long, Rsvp> answers = answers(activityId);
        Map<Rsvp, List<String>> names = new EnumMap<>(Rsvp.class);
        for (Rsvp r : Rsvp.values()) {
            names.put(r, new ArrayList<>());
        }
        List<MemberView> invited = invitees.of(activity);
        int unanswered = 0;
        for (MemberView m : invited) {
            Rsvp r = answers.get(m.id());
            if (r == null) {
                unanswered++;
            } else {
                names.get(r).add(m.fullName());
            }
        }
        return new Summary(names, invited.size(), unanswered);
    }
}
