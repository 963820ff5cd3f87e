package vn.hoibot.broadcast;

import java.time.Instant;
import java.util.List;

/**
 * How a broadcast went: counts per outcome and the recipients it could not reach (for a phone call).
 *
 * @param unconfirmed rows whose send was in flight when an instance died: not re-sent (at most once), counted
 *                    among the failed
 */
public record BroadcastReport(long id, BroadcastKind kind, BroadcastStatus status, Long createdBy, String audience,
        Long unitId,
        Instant createdAt, Instant startedAt, Instant finishedAt, int total, int pending, int sent, int failed,
        int unreachable, int cancelled, int acknowledged, int unconfirmed, List<Undelivered> undelivered) {

    /** A recipient who did not get it: unreachable or failed, with the error code (never a text). */
    public record Undelivered(String channel, String chatId, Long memberId, boolean group, DeliveryStatus status,
            String errorCode) {
    }

    public boolean finished() {
        return status == BroadcastStatus.DONE || status == BroadcastStatus.CANCELLED && pending == 0;
    }
}
