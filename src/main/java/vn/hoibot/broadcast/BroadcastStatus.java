package vn.hoibot.broadcast;

/** Where a broadcast is in its life: the rules of moving between states live here. */
public enum BroadcastStatus {
    DRAFT, SCHEDULED, SENDING, DONE, CANCELLED;

    /** Whether a leader may still stop it (what was not sent is then not sent). */
    public boolean cancellable() {
        return this == DRAFT || this == SCHEDULED || this == SENDING;
    }
}
