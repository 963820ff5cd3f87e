package vn.hoibot.broadcast;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;

/** Broadcasts once queued: start (scheduled ones), cancel, acknowledge, report. */
@Service
public class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);

    private final BroadcastStore store;
    private final OutboxStore outbox;
    private final BroadcastSchedule schedule;
    private final Clock clock;

    Broadcasts(BroadcastStore store, OutboxStore outbox, BroadcastSchedule schedule, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Stops a broadcast: rows not yet sent are cancelled and will not be sent (a send already in flight
     * completes). The final summary is written by the progress reporter.
     *
     * @throws UserFacingException {@code broadcast.not_found}, or {@code broadcast.cancel.finished} when it has
     *                             finished already
     */
    @Transactional
    public void cancel(long id, Long byMember) {
        BroadcastStore.Header header = store.find(id).orElseThrow(() -> new UserFacingException("broadcast.not_found", id));
        if (!header.status().cancellable() || !store.transition(id, header.status(), BroadcastStatus.CANCELLED,
                clock.instant())) {
            throw new UserFacingException("broadcast.cancel.finished", id);
        }
        store.setCancelledBy(id, byMember);
        int cancelled = outbox.cancelPending(id);
        if (header.status() == BroadcastStatus.SCHEDULED) {
            schedule.forget(id);
        }
        log.info("Broadcast {} cancelled, {} rows not sent", id, cancelled);
    }

    /** A scheduled broadcast's time has come (Quartz), or a held one is released (its job then
     * fires later and finds nothing to start); false when it was not waiting. */
    @Transactional
    public boolean start(long id) {
        boolean started = store.transition(id, BroadcastStatus.SCHEDULED, BroadcastStatus.SENDING, clock.instant());
        if (started) {
            outbox.dueNow(id, clock.instant());
            log.info("Scheduled broadcast {} started", id);
        }
        return started;
    }

    /**
     * Records that the person in {@code chatId} pressed {@code Đã đọc} on the notice of outbox row {@code outboxId}
     * (the payload of the {@value AckButton#ACTION} button key). False for another chat's row or a second press.
     */
    @Transactional
    public boolean acknowledge(long outboxId, String channel, String chatId) {
        return outbox.acknowledge(outboxId, channel, chatId, clock.instant());
    }

    public Optional<BroadcastStatus> status(long id) {
        return store.find(id).map(BroadcastStore.Header::status);
    }

    /** The delivery report: counts per outcome and everyone it did not reach. */
    @Transactional(readOnly = true)
    public Optional<BroadcastReport> report(long id) {
        return store.find(id).map(h -> {
            Map<DeliveryStatus, Integer> c = store.counts(id);
            return new BroadcastReport(id, h.kind(), h.status(), h.createdBy(), h.audience(), h.unitId(), h.createdAt(),
                    h.startedAt(), h.finishedAt(), h.total(),
                    c.get(DeliveryStatus.PENDING) + c.get(DeliveryStatus.SENDING), c.get(DeliveryStatus.SENT),
                    c.get(DeliveryStatus.FAILED), c.get(DeliveryStatus.UNREACHABLE), c.get(DeliveryStatus.CANCELLED),
                    store.acknowledged(id), store.unconfirmed(id), store.undelivered(id));
        });
    }
}
