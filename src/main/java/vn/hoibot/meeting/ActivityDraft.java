package vn.hoibot.meeting;

import java.time.Instant;
import java.util.Set;

/**
 * An activity to create.
 *
 * @param unitId        the organising unit
 * @param typeCode      one of {@code hoibot.meeting.types}
 * @param audienceUnits units whose whole subtree is invited (for {@link AudienceKind#SUBTREE}: the unit itself)
 * @param place         an address, or null
 * @param link          an online meeting link, or null
 * @param partners      partner organisations, free text, or null
 */
public record ActivityDraft(long unitId, String typeCode, String title, Instant startsAt, Instant endsAt,
        String place, String link, String partners, AudienceKind audienceKind, Set<Long> audienceUnits) {

    public ActivityDraft {
        audienceUnits = audienceUnits == null ? Set.of() : Set.copyOf(audienceUnits);
    }
}
