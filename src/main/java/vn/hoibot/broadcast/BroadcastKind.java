package vn.hoibot.broadcast;

/** What a broadcast is for; reminders and survey invitations use the same outbox as notices. */
public enum BroadcastKind {
    NOTICE, REMINDER, SURVEY, SYSTEM
}
