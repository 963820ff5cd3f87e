package vn.hoibot.meeting;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Selection;
import vn.hoibot.org.OrgService;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * Meetings and activities: leaders create, change and cancel them (permission {@code MANAGE_ACTIVITIES} on the
 * organising unit, audience inside it); members see the ones they are invited to. Creating announces it to the
 * invited members; changing or cancelling tells those who were told, once, through the outbox.
 */
@Service
public class Activities {

    private final ActivityRepository activities;
    private final Reminders reminders;
    private final Notices notices;
    private final Invitees invitees;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MeetingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Activities(ActivityRepository activities, Reminders reminders, Notices notices, Invitees invitees,
            AccessPolicy policy, OrgService org, MeetingProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.activities = activities;
        this.reminders = reminders;
        this.notices = notices;
        this.invitees = invitees;
        this.policy = policy;
        this.org = org;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Checks a draft without storing it (for the confirmation preview).
     *
     * @throws UserFacingException {@code meeting.type.unknown}, {@code meeting.audience.outside},
     *                             {@code meeting.date.past}, {@code meeting.date.end_before_start}, ...
     */
    @Transactional(readOnly = true)
    public void check(Actor actor, ActivityDraft draft) {
        policy.require(actor, Permission.MANAGE_ACTIVITIES, draft.unitId());
        if (!properties.types().contains(draft.typeCode())) {
            throw new UserFacingException("meeting.type.unknown", draft.typeCode());
        }
        LocalDate today = LocalDate.now(clock);
        for (long unit : draft.audienceUnits()) {
            if (!org.isWithin(unit, draft.unitId(), today) || !policy.can(actor, Permission.MANAGE_ACTIVITIES, unit)) {
                throw new UserFacingException("meeting.audience.outside",
                        org.find(unit).map(u -> u.name()).orElse("#" + unit));
            }
        }
        new Activity(draft, "0", actor.memberId(), clock.instant()); // the entity's own checks
    }

    /** Creates the activity, plans its reminders and announces it to the invited members. */
    @Transactional
    public ActivityView create(Actor actor, ActivityDraft draft) {
        check(actor, draft);
        Activity activity = activities.save(new Activity(draft, newCode(), actor.memberId(), clock.instant()));
        reminders.plan(activity);
        notices.toInvitees(activity, Notices.Kind.ANNOUNCEMENT, actor.memberId());
        events.publishEvent(new MeetingScheduled(activity.id(), activity.unitId(), draft.typeCode(),
                activity.startsAt()));
        return activity.view();
    }

    /** Changes it (refused once started or cancelled), moves its reminders and tells those who were told. */
    @Transactional
    public ActivityView change(Actor actor, long id, ActivityChange change) {
        Activity activity = managed(actor, id);
        Instant oldStart = activity.startsAt();
        ActivityView before = activity.view();
        activity.change(change, clock.instant());
        if (!oldStart.equals(activity.startsAt())) {
            reminders.cancelPending(activity);
            reminders.plan(activity);
        }
        notices.toNotified(activity, Notices.Kind.CHANGED, actor.memberId(), before);
        return activity.view();
    }

    /** Cancels it (refused once started or when cancelled already) and tells those who were told, once. */
    @Transactional
    public ActivityView cancel(Actor actor, long id) {
        Activity activity = managed(actor, id);
        activity.cancel(clock.instant());
        reminders.cancelPending(activity);
        notices.toNotified(activity, Notices.Kind.CANCELLED, actor.memberId(), null);
        events.publishEvent(new MeetingCancelled(activity.id(), activity.unitId()));
        return activity.view();
    }

    /** A leader adds a reminder at a time between now and the start. */
    @Transactional
    public void addReminder(Actor actor, long id, Instant at) {
        Activity activity = managed(actor, id);
        if (activity.isCancelled()) {
            throw new UserFacingException("meeting.activity.cancelled", activity.title());
        }
        reminders.add(activity, at);
    }

    @Transactional(readOnly = true)
    public Optional<ActivityView> find(long id) {
        return activities.findById(id).map(Activity::view);
    }

    /** An activity the actor may manage, for leaders' commands. */
    @Transactional(readOnly = true)
    public ActivityView managedBy(Actor actor, long id, Permission permission) {
        Activity activity = activities.findById(id)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(id)));
        policy.require(actor, permission, activity.unitId());
        return activity.view();
    }

    /** Activities she is invited to that have not ended, soonest first. */
    @Transactional(readOnly = true)
    public List<ActivityView> upcomingFor(long memberId) {
        var units = invitees.unitsAbove(memberId);
        if (units.isEmpty()) {
            return List.of();
        }
        return activities.upcomingFor(units, clock.instant()).stream().map(Activity::view).toList();
    }

    /** The next activities organised by these units (not ended, not cancelled), soonest first. */
    @Transactional(readOnly = true)
    public List<ActivityView> upcomingOrganisedBy(Collection<Long> unitIds, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return activities.upcomingOrganisedBy(unitIds, clock.instant(),
                PageRequest.of(0, limit)).stream().map(Activity::view).toList();
    }

    /** The places her unit's activities were held at, the latest first (for /taohop's buttons). */
    @Transactional(readOnly = true)
    public List<String> placesUsedBy(long unitId, int limit) {
        return activities.placesOf(unitId, PageRequest.of(0, limit));
    }

    /**
     * The activities of these units she manages, for her /lichhop: those of the last {@code back} and those to
     * come, cancelled ones included (she may still look at their answers and attendance), soonest first.
     */
    @Transactional(readOnly = true)
    public List<ActivityView> organisedRecently(Collection<Long> unitIds, java.time.Duration back, int limit) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return activities.organisedSince(unitIds, clock.instant().minus(back), PageRequest.of(0, limit)).stream()
                .map(Activity::view).toList();
    }

    @Transactional(readOnly = true)
    public boolean isInvited(long activityId, long memberId) {
        return activities.findById(activityId).map(a -> invitees.isInvited(a, memberId)).orElse(false);
    }

    /**
     * The invitees who may be sent notices, and of them those who answered {@code answer} (or, for null, who have
     * not answered): column {@code member_id}, resolved in the database.
     */
    @Transactional(readOnly = true)
    public Optional<Selection> inviteesAnswering(long activityId, Rsvp answer) {
        return activities.findById(activityId).map(invitees::selection).map(s -> answer == null
                ? s.where("not exists (select 1 from activity_rsvp r where r.activity_id = :ractivity"
                        + " and r.member_id = s.member_id)", Map.of("ractivity", activityId))
                : s.where("exists (select 1 from activity_rsvp r where r.activity_id = :ractivity"
                        + " and r.member_id = s.member_id and r.answer = :ranswer)",
                        Map.of("ractivity", activityId, "ranswer", answer.name())));
    }

    @Transactional(readOnly = true)
    public List<MemberView> invitees(long activityId) {
        return activities.findById(activityId).map(invitees::of).orElse(List.of());
    }

    /** The code members type to check in; only for those who may mark attendance. */
    @Transactional(readOnly = true)
    public String checkinCode(Actor actor, long id) {
        Activity activity = activities.findById(id)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(id)));
        policy.require(actor, Permission.MARK_ATTENDANCE, activity.unitId());
        return activity.checkinCode();
    }

    private Activity managed(Actor actor, long id) {
        Activity activity = activities.lock(id)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(id)));
        policy.require(actor, Permission.MANAGE_ACTIVITIES, activity.unitId());
        return activity;
    }

    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }
}
