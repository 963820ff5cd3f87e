package vn.hoibot;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the scheduler that sends reminders and starts scheduled notices is running, for readiness: an instance
 * whose Quartz is stopped or in standby takes no jobs.
 */
@Component("quartzHealthIndicator")
class QuartzHealth implements HealthIndicator {

    private final Scheduler scheduler;

    QuartzHealth(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Health health() {
        try {
            boolean running = scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
            return (running ? Health.up() : Health.down()).withDetail("clustered",
                    scheduler.getMetaData().isJobStoreClustered()).build();
        } catch (SchedulerException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
