package vn.hoibot.meeting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.time.Recurrence;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * Recurring activities ({@code ngày 15 hằng tháng 19h30}, {@code chủ nhật đầu tiên của tháng 8h}). Each occurrence within
 * {@code hoibot.meeting.recurrence-horizon} is an ordinary activity with its own reminders, created ahead by a
 * daily Quartz job; the first is announced. Skipping or moving one occurrence is cancelling (/huyhop) or moving
 * (/doihop) that activity: the series never creates that day again.
 */
@Service
public class RecurringActivities {

    private static final Logger log = LoggerFactory.getLogger(RecurringActivities.class);

    private final SeriesRepository series;
    private final ActivityRepository activities;
    private final Activities service;
    private final Reminders reminders;
    private final Notices notices;
    private final AccessPolicy policy;
    private final MeetingProperties properties;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    RecurringActivities(SeriesRepository series, ActivityRepository activities, Activities service,
            Reminders reminders, Notices notices, AccessPolicy policy, MeetingProperties properties, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.policy = policy;
        this.series = series;
        this.activities = activities;
        this.service = service;
        this.reminders = reminders;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /** The first occurrence's start after now within the horizon. */
    public Instant firstStart(Recurrence rule) {
        LocalDate today = LocalDate.now(clock);
        return rule.between(today, today.plus(properties.recurrenceHorizon())).stream()
                .map(day -> day.atTime(rule.time()).atZone(clock.getZone()).toInstant())
                .filter(start -> start.isAfter(clock.instant())).findFirst()
                .orElseThrow(() -> new UserFacingException("meeting.recur.none_ahead"));
    }

    /**
     * Creates the series from its first occurrence and the rule, creates the occurrences within the horizon and
     * announces the first. Returns the occurrences created.
     */
    @Transactional
    public List<ActivityView> create(Actor actor, ActivityDraft first, Recurrence rule) {
        service.check(actor, first);
        ActivitySeries created = series.save(new ActivitySeries(first, rule, actor.memberId(), clock.instant()));
        List<Activity> made = materialise(created);
        if (!made.isEmpty()) {
            notices.toInvitees(made.get(0), Notices.Kind.ANNOUNCEMENT, actor.memberId());
        }
        return made.stream().map(Activity::view).toList();
    }

    /**
     * Creates the occurrences of every active series that now fall within the horizon (daily job). Each series in
     * its own transaction: one that fails is recorded on its row and logged, tried again the next night, and
     * does not keep the others from being extended.
     */
    public int extendAll() {
        List<Long> ids = tx.execute(status -> series.active().stream().map(ActivitySeries::id).toList());
        int made = 0;
        int failed = 0;
        for (Long id : ids) {
            try {
                Integer n = tx.execute(status -> series.findById(id).map(s -> {
                    int count = materialise(s).size();
                    jdbc.update("update activity_series set extension_error = null, extension_failed_at = null where id = ? and extension_error is not null", id);
                    return count;
                }).orElse(0));
                made += n == null ? 0 : n;
            } catch (RuntimeException e) {
                failed++;
                log.warn("Recurring series {} could not be extended ({}); tried again next night", id,
                        e.getClass().getSimpleName());
                try {
                    tx.executeWithoutResult(status -> jdbc.update(
                            "update activity_series set extension_error = ?, extension_failed_at = ? where id = ?",
                            e.getClass().getSimpleName(), clock.instant().atOffset(java.time.ZoneOffset.UTC), id));
                } catch (RuntimeException again) {
                    log.warn("Recurring series {}: the failure could not be recorded ({})", id,
                            again.getClass().getSimpleName());
                }
            }
        }
        if (made > 0 || failed > 0) {
            log.info("Created {} occurrences of recurring activities; {} series failed", made, failed);
        }
        return made;
    }

    /** Stops the series: no more occurrences; the future ones are cancelled and their invitees told. */
    @Transactional
    public int end(Actor actor, long seriesId) {
        ActivitySeries s = series.findById(seriesId)
                .orElseThrow(() -> new UserFacingException("meeting.recur.not_found", String.valueOf(seriesId)));
        policy.require(actor, Permission.MANAGE_ACTIVITIES, s.unitId());
        s.end(clock.instant());
        int cancelled = 0;
        for (Activity a : series.futureOccurrences(seriesId, clock.instant())) {
            service.cancel(actor, a.id());
            cancelled++;
        }
        return cancelled;
    }

    private List<Activity> materialise(ActivitySeries s) {
        Recurrence rule = s.recurrence();
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<Activity> made = new ArrayList<>();
        for (LocalDate day : rule.between(today, today.plus(properties.recurrenceHorizon()))) {
            Instant start = day.atTime(rule.time()).atZone(clock.getZone()).toInstant();
            if (!start.isAfter(now) || series.hasOccurrence(s.id(), day)) {
                continue;
            }
            Activity activity = activities.save(new Activity(s.occurrence(start), service.newCode(), s.createdBy(), now)
                    .occurrenceOf(s.id(), day));
            reminders.plan(activity);
            made.add(activity);
        }
        return made;
    }
}
