package vn.hoibot.meeting;

import java.time.Instant;

/** An activity was created (the indicator module counts monthly meetings and 8/3, 20/10 activities). */
public record MeetingScheduled(long activityId, long unitId, String typeCode, Instant startsAt) {
}
