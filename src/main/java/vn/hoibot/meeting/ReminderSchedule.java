package vn.hoibot.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import vn.hoibot.time.ServiceZone;

/**
 * Reminders fire through Quartz's clustered JDBC job store: the job is stored in the same transaction as the
 * reminder row, fires on one instance only, and survives restarts. Misfire policy: fire now; the reminder itself
 * then decides whether it is still worth sending (the activity has not started) or is dropped.
 */
@Component
class ReminderSchedule {

    static final String GROUP = "meeting";

    private final Scheduler scheduler;
    private final Clock clock;

    ReminderSchedule(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void schedule(long reminderId, Instant at) {
        JobDetail job = JobBuilder.newJob(ReminderJob.class).withIdentity(jobKey(reminderId))
                .usingJobData(ReminderJob.REMINDER_ID, reminderId).requestRecovery().build();
        try {
            scheduler.scheduleJob(job, trigger(reminderId, at));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule reminder " + reminderId, e);
        }
    }

    void unschedule(long reminderId) {
        try {
            scheduler.deleteJob(jobKey(reminderId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not unschedule reminder " + reminderId, e);
        }
    }

    /**
     * Moves the reminder's trigger to {@code at} as the {@link Clock} sees it now. Quartz keeps the system time,
     * so tests that move the clock call this (through {@link Reminders#realign()}) to make Quartz follow.
     */
    void realign(long reminderId, Instant at) {
        try {
            if (scheduler.checkExists(jobKey(reminderId))) {
                scheduler.rescheduleJob(triggerKey(reminderId), trigger(reminderId, at));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not reschedule reminder " + reminderId, e);
        }
    }

    private Trigger trigger(long reminderId, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(reminderId)).forJob(jobKey(reminderId))
                .startAt(ServiceZone.schedulerTime(clock, at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }


    private static JobKey jobKey(long reminderId) {
        return JobKey.jobKey("reminder-" + reminderId, GROUP);
    }

    private static TriggerKey triggerKey(long reminderId) {
        return TriggerKey.triggerKey("reminder-" + reminderId, GROUP);
    }

    /** Quartz job: a reminder's time has come. Firing twice is harmless: the reminder leaves PENDING once. */
    @DisallowConcurrentExecution
    static class ReminderJob implements Job {

        static final String REMINDER_ID = "reminderId";

        private final Reminders reminders;

        ReminderJob(Reminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public void execute(JobExecutionContext context) {
            reminders.fire(context.getMergedJobDataMap().getLong(REMINDER_ID));
        }
    }
}
