package vn.hoibot.meeting;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the meeting module ({@code hoibot.meeting.*}).
 *
 * @param types           activity type codes, in menu order; each one's label is the message
 *                        {@code meeting.type.<code>} in the bundles under {@code messages/}
 * @param reminderOffsets how long before the start each reminder goes out
 * @param defaultDuration an activity's length when the leader gives no end
 * @param checkinEarly    how long before the start members may check in (and leaders mark attendance)
 * @param checkinLate     how long after the end members may still check in
 * @param pageSize        members per page of the leader's attendance checklist
 * @param recurrenceHorizon how far ahead the occurrences of a recurring activity are created
 * @param partnerTypes    the types /taohop asks partners for (others have none)
 * @param typeDurations   a type's usual length, when it differs from {@code defaultDuration}
 * @param qrRotation      how long one QR check-in code is shown before the next one (the one before stays valid
 *                        one more period, so a code scanned as it changes still works)
 */
@Validated
@ConfigurationProperties("hoibot.meeting")
public record MeetingProperties(
        @DefaultValue({ "monthly", "knowledge", "contest", "women_day_8_3", "women_day_20_10", "support_visit",
                "other" }) @NotEmpty List<String> types,
        @DefaultValue({ "24h", "2h" }) @NotNull List<Duration> reminderOffsets,
        @DefaultValue("2h") @NotNull Duration defaultDuration,
        @DefaultValue("30m") @NotNull Duration checkinEarly,
        @DefaultValue("1h") @NotNull Duration checkinLate,
        @DefaultValue("8") @Min(1) int pageSize,
        @DefaultValue("62d") @NotNull Period recurrenceHorizon,
        @DefaultValue({ "knowledge", "contest", "support_visit" }) List<String> partnerTypes,
        java.util.Map<String, Duration> typeDurations,
        @DefaultValue("5m") @NotNull Duration qrRotation) {

    /** The usual length of an activity of this type. */
    public Duration durationOf(String typeCode) {
        return typeDurations == null ? defaultDuration : typeDurations.getOrDefault(typeCode, defaultDuration);
    }

    /** Whether /taohop asks this type's partners. */
    public boolean hasPartners(String typeCode) {
        return partnerTypes != null && partnerTypes.contains(typeCode);
    }
}
