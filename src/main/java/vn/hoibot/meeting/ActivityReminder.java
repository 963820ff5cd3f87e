package vn.hoibot.meeting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reminder of an activity. It leaves PENDING exactly once: sent, dropped (too late) or cancelled. */
@Entity
@Table(name = "activity_reminder")
class ActivityReminder {

    enum Status {
        PENDING, SENT, DROPPED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "activity_id")
    private long activityId;

    @Column(name = "fire_at")
    private Instant fireAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "broadcast_id")
    private Long broadcastId;

    @Column(name = "done_at")
    private Instant doneAt;

    protected ActivityReminder() {
    }

    ActivityReminder(long activityId, Instant fireAt) {
        this.activityId = activityId;
        this.fireAt = fireAt;
        this.status = Status.PENDING;
    }

    boolean pending() {
        return status == Status.PENDING;
    }

    void sent(Long broadcastId, Instant now) {
        finish(Status.SENT, now);
        this.broadcastId = broadcastId;
    }

    void dropped(Instant now) {
        finish(Status.DROPPED, now);
    }

    void cancelled(Instant now) {
        finish(Status.CANCELLED, now);
    }

    private void finish(Status to, Instant now) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("Reminder " + id + " is " + status + " already");
        }
        status = to;
        doneAt = now;
    }

    Long id() {
        return id;
    }

    long activityId() {
        return activityId;
    }

    Instant fireAt() {
        return fireAt;
    }

    Status status() {
        return status;
    }
}
