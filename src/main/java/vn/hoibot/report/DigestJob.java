package vn.hoibot.report;

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
 * The standing Quartz job of the digest: every {@code hoibot.report.digest-check} it sends the digests due and not
 * yet sent ({@link Digests#sendDue()}). Clustered JDBC store: one instance runs each check; the claimed row per
 * subscriber and month keeps a digest from going out twice even when checks overlap or an instance restarts.
 */
@Configuration(proxyBeanMethods = false)
class DigestJob {

    static final String NAME = "monthly-digest";
    static final String GROUP = "report";

    @Bean
    JobDetail monthlyDigestJob() {
        return JobBuilder.newJob(Check.class).withIdentity(NAME, GROUP).storeDurably().build();
    }

    @Bean
    Trigger monthlyDigestTrigger(JobDetail monthlyDigestJob, ReportProperties properties) {
        return TriggerBuilder.newTrigger().forJob(monthlyDigestJob).withIdentity(NAME, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.digestCheck())
                        .inTimeZone(ServiceZone.timeZone()).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @DisallowConcurrentExecution
    static class Check implements Job {

        private final Digests digests;

        Check(Digests digests) {
            this.digests = digests;
        }

        @Override
        public void execute(JobExecutionContext context) {
            digests.sendDue();
        }
    }
}
