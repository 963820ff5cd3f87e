package vn.hoibot.meeting;

import java.time.Instant;

/** What a leader changes on an activity; null fields stay as they are (a blank place or link removes it). */
public record ActivityChange(String title, Instant startsAt, Instant endsAt, String place, String link) {

    public static ActivityChange moveTo(Instant startsAt, Instant endsAt) {
        return new ActivityChange(null, startsAt, endsAt, null, null);
    }
}
