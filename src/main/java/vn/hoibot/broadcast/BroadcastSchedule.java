package vn.hoibot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;
import vn.hoibot.time.ServiceZone;

/**
 * Scheduled broadcasts start through Quartz's JDBC job store: the job is stored in the same transaction as the
 * broadcast, fires once in the cluster, and fires late (misfire: now) if every instance was down at the time.
 */
@Component
class BroadcastSchedule {

    static final String GROUP = "broadcast";

    private final Scheduler scheduler;
    private final Clock clock;

    BroadcastSchedule(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    void startAt(long broadcastId, Instant at) {
        JobDetail job = JobBuilder.newJob(BroadcastStartJob.class).withIdentity(key(broadcastId))
                .usingJobData(BroadcastStartJob.BROADCAST_ID, broadcastId).requestRecovery().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity("broadcast-" + broadcastId, GROUP)
                .startAt(ServiceZone.schedulerTime(clock, at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            scheduler.scheduleJob(job, trigger);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule broadcast " + broadcastId, e);
        }
    }

    void forget(long broadcastId) {
        try {
            scheduler.deleteJob(key(broadcastId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not unschedule broadcast " + broadcastId, e);
        }
    }


    private static JobKey key(long broadcastId) {
        return JobKey.jobKey("broadcast-" + broadcastId, GROUP);
    }
}
