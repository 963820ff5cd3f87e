package vn.hoibot.meeting.bot;

/** The payload of a button about one activity (cancel it, check in to it). */
record ActivityRef(long activityId) {
}
