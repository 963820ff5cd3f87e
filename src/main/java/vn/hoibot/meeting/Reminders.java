package vn.hoibot.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An activity's reminders: one per configured offset before the start (and any a leader adds), each sent once
 * to every invited member with a linked account, through the outbox. A reminder whose activity has started by
 * the time it fires (say, after downtime) is dropped, not sent late.
 */
@Service
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ReminderRepository reminders;
    private final ActivityRepository activities;
    private final ReminderSchedule schedule;
    private final Notices notices;
    private final MeetingProperties properties;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Tries of a reminder whose job fails, waits doubling from one minute, before it is given up (recorded). */
    static final int MAX_ATTEMPTS = 8;

    Reminders(ReminderRepository reminders, ActivityRepository activities, ReminderSchedule schedule,
            Notices notices, MeetingProperties properties, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.activities = activities;
        this.schedule = schedule;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    /** Plans the configured reminders that still lie ahead. */
    @Transactional
    void plan(Activity activity) {
        for (Duration offset : properties.reminderOffsets()) {
            Instant at = activity.startsAt().minus(offset);
            if (at.isAfter(clock.instant())) {
                add(activity, at);
            }
        }
    }

    /** One more reminder at {@code at}, which must lie between now and the start. */
    @Transactional
    ActivityReminder add(Activity activity, Instant at) {
        if (!at.isAfter(clock.instant()) || !at.isBefore(activity.startsAt())) {
            throw new vn.hoibot.chat.UserFacingException("meeting.reminder.bad_time");
        }
        ActivityReminder reminder = reminders.save(new ActivityReminder(activity.id(), at));
        schedule.schedule(reminder.id(), at);
        return reminder;
    }

    /** Cancels the reminders not sent yet (the activity was cancelled or moved). */
    @Transactional
    void cancelPending(Activity activity) {
        for (ActivityReminder r : reminders.pendingOf(activity.id())) {
            r.cancelled(clock.instant());
            schedule.unschedule(r.id());
        }
    }

    /** The reminder's time has come: sends it once, or drops it when the activity has started or was cancelled. */
    @Transactional
    public void fire(long reminderId) {
        Optional<ActivityReminder> found = reminders.lock(reminderId);
        if (found.isEmpty() || !found.get().pending()) {
            return;
        }
        ActivityReminder reminder = found.get();
        Activity activity = activities.findById(reminder.activityId()).orElseThrow();
        Instant now = clock.instant();
        if (activity.isCancelled()) {
            reminder.cancelled(now);
        } else if (activity.hasStarted(now)) {
            log.info("Reminder {} of activity {} dropped: the activity started before it could be sent", reminderId,
                    activity.id());
            reminder.dropped(now);
        } else {
            Long broadcast = notices.toInvitees(activity, Notices.Kind.REMINDER, null).orElse(null);
            reminder.sent(broadcast, now);
            log.info("Reminder {} of activity {} queued as broadcast {}", reminderId, activity.id(), broadcast);
        }
    }

    /**
     * The reminder's job threw: the failure is recorded on its row and another try is scheduled (in a new
     * transaction, the failed one having rolled back), up to {@link #MAX_ATTEMPTS}; then it stays PENDING with
     * its last error, visible, and is logged.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void failedToFire(long reminderId, RuntimeException failure) {
        String error = failure.getClass().getSimpleName();
        int updated = jdbc.update("""
                update activity_reminder set attempts = attempts + 1, last_error = ?
                where id = ? and status = 'PENDING'""", error.length() > 80 ? error.substring(0, 80) : error, reminderId);
        if (updated == 0) {
            return;
        }
        Integer attempts = jdbc.queryForObject("select attempts from activity_reminder where id = ?", Integer.class,
                reminderId);
        int attempt = attempts == null ? 1 : attempts;
        if (attempt >= MAX_ATTEMPTS) {
            log.warn("Reminder {} failed {} times ({}); given up", reminderId, attempt, error);
            return;
        }
        Instant at = clock.instant().plus(retryDelay(attempt));
        schedule.retry(reminderId, attempt, at);
        log.warn("Reminder {} failed ({}), try {}; tried again at {}", reminderId, error, attempt, at);
    }

    static Duration retryDelay(int attempt) {
        return Duration.ofMinutes(1L << Math.min(attempt - 1, 10));
    }

    /**
     * Re-derives every pending reminder's Quartz trigger from the {@link Clock} (tests move the clock). Outside a
     * transaction on purpose: each change commits before Quartz is signalled, so its scheduler sees it at once.
     */
    void realign() {
        reminders.pending().forEach(r -> schedule.realign(r.id(), r.fireAt()));
    }
}
