package vn.hoibot.broadcast;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz job: a scheduled broadcast's time has come. Starting twice is harmless (a conditional update). */
@DisallowConcurrentExecution
class BroadcastStartJob implements Job {

    static final String BROADCAST_ID = "broadcastId";

    private final Broadcasts broadcasts;

    BroadcastStartJob(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void execute(JobExecutionContext context) {
        broadcasts.start(context.getMergedJobDataMap().getLong(BROADCAST_ID));
    }
}
