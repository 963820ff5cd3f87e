package vn.hoibot.meeting;

/** An activity was called off before it started. */
public record MeetingCancelled(long activityId, long unitId) {
}
