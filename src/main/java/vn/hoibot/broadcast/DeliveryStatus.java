package vn.hoibot.broadcast;

/** The state of one recipient's row in the outbox. */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED, UNREACHABLE, CANCELLED;

    public boolean finished() {
        return this != PENDING && this != SENDING;
    }
}
