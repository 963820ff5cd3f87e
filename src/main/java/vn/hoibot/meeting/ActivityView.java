package vn.hoibot.meeting;

import java.time.Instant;
import java.util.Set;

/** An activity as other modules and the bot's replies see it; {@code seriesId} is set for a recurring one. */
public record ActivityView(long id, long unitId, String typeCode, String title, Instant startsAt, Instant endsAt,
        String place, String link, String partners, AudienceKind audienceKind, Set<Long> audienceUnits,
        boolean cancelled, Long createdBy, Long seriesId) {
}
