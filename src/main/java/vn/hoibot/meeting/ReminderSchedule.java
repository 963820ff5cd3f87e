package vn.hoibot.meeting;

import java.time.Instant;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;
import vn.hoibot.time.OneShotJobs;

/**
 * Reminders fire through Quartz's clustered JDBC job store: the job is stored in the same transaction as the
 * reminder row, fires on one instance only, and survives restarts. Misfire policy: fire now; the reminder itself
 * then decides whether it is still worth sending (the activity has not started) or is dropped.
 */
@Component
class ReminderSchedule {

    static final String GROUP = "meeting";

    private final OneShotJobs jobs;

    ReminderSchedule(OneShotJobs jobs) {
        this.jobs = jobs;
    }

    void schedule(long reminderId, Instant at) {
        jobs.schedule(ReminderJob.class, name(reminderId), GROUP, ReminderJob.REMINDER_ID, reminderId, at);
    }

    /** Another try of a reminder whose job failed; a job of its own, so the failed one can finish. */
    void retry(long reminderId, int attempt, Instant at) {
        jobs.schedule(ReminderJob.class, name(reminderId) + "-retry-" + attempt, GROUP, ReminderJob.REMINDER_ID,
                reminderId, at);
    }

    void unschedule(long reminderId) {
        jobs.delete(name(reminderId), GROUP);
    }

    /**
     * Moves the reminder's trigger to {@code at} as the {@link java.time.Clock} sees it now; tests that move the clock
     * call this (through {@link Reminders#realign()}) to make Quartz follow.
     */
    void realign(long reminderId, Instant at) {
        jobs.moveTo(name(reminderId), GROUP, at);
    }

    private static String name(long reminderId) {
        return "reminder-" + reminderId;
    }

    /** Quartz job: a reminder's time has come. Firing twice is harmless: the reminder leaves PENDING once. */
    @DisallowConcurrentExecution
    static class ReminderJob implements Job {

        static final String REMINDER_ID = "reminderId";

        private final Reminders reminders;

        ReminderJob(Reminders reminders) {
            this.reminders = reminders;
        }

        /** A failure is recorded on the reminder and tried again later (in its own transaction), never lost. */
        @Override
        public void execute(JobExecutionContext context) {
            long id = context.getMergedJobDataMap().getLong(REMINDER_ID);
            try {
                reminders.fire(id);
            } catch (RuntimeException e) {
                reminders.failedToFire(id, e);
            }
        }
    }
}
