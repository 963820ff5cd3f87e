package vn.hoibot.broadcast;

import java.time.Instant;

import org.springframework.stereotype.Component;
import vn.hoibot.time.OneShotJobs;

/**
 * Scheduled broadcasts start through Quartz's JDBC job store: the job is stored in the same transaction as the
 * broadcast, fires once in the cluster, and fires late (misfire: now) if every instance was down at the time.
 */
@Component
class BroadcastSchedule {

    static final String GROUP = "broadcast";

    private final OneShotJobs jobs;

    BroadcastSchedule(OneShotJobs jobs) {
        this.jobs = jobs;
    }

    void startAt(long broadcastId, Instant at) {
        jobs.schedule(BroadcastStartJob.class, name(broadcastId), GROUP, BroadcastStartJob.BROADCAST_ID, broadcastId,
                at);
    }

    void forget(long broadcastId) {
        jobs.delete(name(broadcastId), GROUP);
    }

    private static String name(long broadcastId) {
        return "broadcast-" + broadcastId;
    }
}
