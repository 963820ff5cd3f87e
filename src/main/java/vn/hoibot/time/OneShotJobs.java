package vn.hoibot.time;

import java.time.Clock;
import java.time.Instant;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Jobs that fire once at an instant of the service clock, in Quartz's clustered JDBC store: stored in the caller's
 * transaction, recovered after a crash, fired late (misfire: now) if every instance was down. The job and its
 * trigger share one name; the job's data holds one id under {@code dataKey}.
 */
@Component
public class OneShotJobs {

    private final Scheduler scheduler;
    private final Clock clock;

    OneShotJobs(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public void schedule(Class<? extends Job> type, String name, String group, String dataKey, long id,
            Instant at) {
        JobDetail job = JobBuilder.newJob(type).withIdentity(JobKey.jobKey(name, group)).usingJobData(dataKey, id)
                .requestRecovery().build();
        try {
            scheduler.scheduleJob(job, trigger(name, group, at));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule job " + name, e);
        }
    }

    /**
     * Moves the job's trigger to {@code at} as the clock sees it now. Quartz keeps the system time, so tests that move
     * the clock call this to make Quartz follow.
     */
    public void moveTo(String name, String group, Instant at) {
        try {
            if (scheduler.checkExists(JobKey.jobKey(name, group))) {
                scheduler.rescheduleJob(TriggerKey.triggerKey(name, group), trigger(name, group, at));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not reschedule job " + name, e);
        }
    }

    public void delete(String name, String group) {
        try {
            scheduler.deleteJob(JobKey.jobKey(name, group));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not unschedule job " + name, e);
        }
    }

    private Trigger trigger(String name, String group, Instant at) {
        return TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name, group))
                .forJob(JobKey.jobKey(name, group)).startAt(ServiceZone.schedulerTime(clock, at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }
}
