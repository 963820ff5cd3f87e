/**
 * Meetings and activities: scheduling, recurrence, Quartz reminders, RSVP and attendance records.
 *
 * <h2>Public API</h2>
 * <ul>
 * <li>{@link vn.hoibot.meeting.Activities}: create (checks {@code MANAGE_ACTIVITIES} and that the audience lies in the
 * organiser's subtree, plans reminders, announces), change, cancel (tell those who were told, once), addReminder,
 * upcomingFor, invitees, isInvited, checkinCode; events {@link vn.hoibot.meeting.MeetingScheduled} and
 * {@link vn.hoibot.meeting.MeetingCancelled}.</li>
 * <li>{@link vn.hoibot.meeting.RecurringActivities}: monthly series ({@link vn.hoibot.meeting.Recurrence}); each
 * occurrence is an ordinary activity created ahead (nightly Quartz job, {@code hoibot.meeting.recurrence-horizon}).</li>
 * <li>{@link vn.hoibot.meeting.Rsvps}: answers (changeable until the start), summary for leaders.</li>
 * <li>{@link vn.hoibot.meeting.Attendance}: participation records (member, activity, how, when, by whom); a
 * correction supersedes the current record, nothing is overwritten; self check-in with the activity's code.</li>
 * <li>{@link vn.hoibot.meeting.VietnameseDates}: the date-time parser ("15/3 19h30", {@code 7h tối thứ 6}...).</li>
 * </ul>
 *
 * <h2>Commands</h2>
 * Leaders: /taohop (guided dialog, also recurring), /doihop, /suahop, /huyhop, /nhacthem, /dangky, /diemdanh,
 * /dunglap. Members: /lichhop, /comat, /thamgia; RSVP buttons under announcements and reminders.
 *
 * <h2>Sending</h2>
 * Announcements, reminders, change and cancellation notices all go through the broadcast outbox
 * ({@code Outbox.enqueue}); RSVP buttons carry keys issued for anyone and are checked on press (invited, linked,
 * not started, not cancelled).
 *
 * <h2>Reminders and time</h2>
 * One {@code activity_reminder} row and one Quartz job (JDBC store, clustered) per reminder; the row leaves PENDING
 * once (SENT, DROPPED, CANCELLED) under a row lock, so a double fire sends nothing twice. Misfire: fire now; the
 * reminder is dropped if its activity has started. Time comes from the injected {@code Clock}; Quartz keeps system
 * time, so a trigger is stored at "system now + (reminder time - clock now)". Tests move a test clock and call
 * {@code Reminders.realign()}, which re-derives the pending triggers from it.
 */
package vn.hoibot.meeting;
