package vn.hoibot.meeting;

/** Her answer to an invitation. */
public enum Rsvp {
    YES, NO, MAYBE;

    String labelKey() {
        return "meeting.rsvp." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
