package vn.hoibot.meeting;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.hoibot.time.ServiceZone;

/**
 * The module's standing Quartz job: every night at 01:00 (Vietnam time) the occurrences of recurring activities
 * that came within the horizon are created. Clustered: one instance runs it.
 */
@Configuration(proxyBeanMethods = false)
class MeetingJobs {

    @Bean
    JobDetail seriesExtensionJob() {
        return JobBuilder.newJob(SeriesExtensionJob.class).withIdentity("series-extension", ReminderSchedule.GROUP)
                .storeDurably().build();
    }

    @Bean
    Trigger seriesExtensionTrigger(JobDetail seriesExtensionJob) {
        return TriggerBuilder.newTrigger().forJob(seriesExtensionJob)
                .withIdentity("series-extension", ReminderSchedule.GROUP)
                .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(1, 0)
                        .inTimeZone(ServiceZone.timeZone())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class SeriesExtensionJob implements Job {

        private final RecurringActivities recurring;

        SeriesExtensionJob(RecurringActivities recurring) {
            this.recurring = recurring;
        }

        @Override
        public void execute(JobExecutionContext context) {
            recurring.extendAll();
        }
    }
}
