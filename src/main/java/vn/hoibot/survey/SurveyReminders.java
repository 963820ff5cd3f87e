package vn.hoibot.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Messages;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Accounts.MemberChat;
import vn.hoibot.time.OneShotJobs;
import vn.hoibot.time.ServiceZone;

/**
 * Reminders before a run closes (as the meeting module's: a {@code survey_reminder} row and a one-shot job in
 * Quartz's clustered JDBC store, written in the same transaction). One per {@code hoibot.survey.reminder-offsets}
 * before the close (3 days, 1 day), moved out of the quiet hours (21:00 to 7:00 Vietnam time, to 7:00); one that
 * would fall before the opening or after the close is not planned. When it fires, under a row lock, it goes once
 * to the invitees who have not sent the run and have had fewer than {@code max-reminders} of it, through the
 * outbox; their count and the reminder's SENT status commit with the queued broadcast, so another instance, a
 * second firing or a restart sends nothing again. One that fires inside the quiet hours (late, after downtime) is
 * moved to 7:00; one that fires after the close is dropped.
 */
@Service
class SurveyReminders {

    static final String GROUP = "survey";
    private static final Logger log = LoggerFactory.getLogger(SurveyReminders.class);

    private final OneShotJobs jobs;
    private final JdbcTemplate jdbc;
    private final RunStore runs;
    private final DefinitionStore definitions;
    private final Accounts accounts;
    private final RunMessages out;
    private final Messages messages;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyReminders(OneShotJobs jobs, JdbcTemplate jdbc, RunStore runs, DefinitionStore definitions,
            Accounts accounts, RunMessages out, Messages messages, SurveyProperties properties, Clock clock) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.runs = runs;
        this.definitions = definitions;
        this.accounts = accounts;
        this.out = out;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Plans the run's reminders that lie ahead, between its opening and its close. */
    @Transactional
    void plan(long runId, Instant opensAt, Instant closesAt) {
        Instant now = clock.instant();
        for (Duration offset : properties.reminderOffsets()) {
            Instant at = outsideQuietHours(closesAt.minus(offset));
            if (at.isAfter(now) && at.isAfter(opensAt) && at.isBefore(closesAt)) {
                jdbc.update("insert into survey_reminder (run_id, due_at, status) values (?, ?, 'PENDING')", runId,
                        RunStore.utc(at));
                long id = jdbc.queryForObject("select max(id) from survey_reminder where run_id = ?", Long.class,
                        runId);
                jobs.schedule(ReminderJob.class, name(id), GROUP, ReminderJob.REMINDER_ID, id, at);
            }
        }
    }

    /** The instant itself, or 7:00 (Vietnam time) after it when it falls in the quiet hours. */
    Instant outsideQuietHours(Instant at) {
        ZonedDateTime local = at.atZone(ServiceZone.VIETNAM);
        LocalTime time = local.toLocalTime();
        LocalTime from = properties.quietFrom();
        LocalTime until = properties.quietUntil();
        boolean quiet = from.isAfter(until) ? !time.isBefore(from) || time.isBefore(until)
                : !time.isBefore(from) && time.isBefore(until);
        if (!quiet) {
            return at;
        }
        ZonedDateTime shifted = local.with(until);
        return (shifted.isAfter(local) ? shifted : shifted.plusDays(1)).toInstant();
    }

    /** The reminder's time has come: sent once to those who have not finished, moved, or dropped (see above). */
    @Transactional
    public void fire(long reminderId) {
        List<Long> runIds = jdbc.queryForList(
                "select run_id from survey_reminder where id = ? and status = 'PENDING' for update", Long.class,
                reminderId);
        if (runIds.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Optional<SurveyRun> run = runs.find(runIds.get(0));
        if (run.isEmpty() || !run.get().closesAt().isAfter(now) || run.get().status() != SurveyRun.Status.OPEN) {
            jdbc.update("update survey_reminder set status = 'DROPPED' where id = ?", reminderId);
            log.info("Survey reminder {} dropped: its run is closed", reminderId);
            return;
        }
        Instant allowed = outsideQuietHours(now);
        if (allowed.isAfter(now)) {
            jdbc.update("update survey_reminder set due_at = ? where id = ?", RunStore.utc(allowed), reminderId);
            jobs.schedule(ReminderJob.class, name(reminderId) + "-" + allowed.getEpochSecond(), GROUP,
                    ReminderJob.REMINDER_ID, reminderId, allowed);
            log.info("Survey reminder {} fired in the quiet hours; moved to {}", reminderId, allowed);
            return;
        }
        SurveyRun r = run.get();
        List<Long> due = jdbc.queryForList("""
                select i.member_id from survey_invitee i
                  join member m on m.id = i.member_id
                  left join survey_response s on s.run_id = i.run_id and s.member_id = i.member_id
                 where i.run_id = ? and i.reminders < ? and m.status = 'ACTIVE'
                   and (s.status is null or s.status <> 'FINISHED')""", Long.class, r.id(),
                properties.maxReminders());
        List<MemberChat> chats = accounts.chatsOf(due);
        jdbc.batchUpdate("update survey_invitee set reminders = reminders + 1 where run_id = ? and member_id = ?",
                chats.stream().map(c -> new Object[] { r.id(), c.memberId() }).toList());
        var form = definitions.form(r.definitionId());
        String close = r.closesAt().minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate()
                .format(SurveyLaunch.DAY);
        out.enqueue(r.id(), chats, locale -> messages.get(locale, "survey.reminder.body", form.title().in(locale),
                close), null, null, r.unitId());
        jdbc.update("update survey_reminder set status = 'SENT' where id = ?", reminderId);
        log.info("Survey reminder {} of run {} queued for {} members", reminderId, r.id(), chats.size());
    }

    /**
     * Re-derives every pending reminder's Quartz trigger from the {@link Clock} (tests move the clock); outside a
     * transaction, so each change is visible to the scheduler at once.
     */
    void realign() {
        jdbc.queryForList("select id, due_at from survey_reminder where status = 'PENDING'").forEach(row -> jobs
                .moveTo(name(((Number) row.get("id")).longValue()), GROUP, instant(row.get("due_at"))));
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : value instanceof java.sql.Timestamp t ? t.toInstant() : Instant.parse(value.toString());
    }

    private static String name(long reminderId) {
        return "survey-reminder-" + reminderId;
    }

    /** Quartz job: a survey reminder's time has come. Firing twice is harmless: the reminder leaves PENDING once. */
    @DisallowConcurrentExecution
    static class ReminderJob implements Job {

        static final String REMINDER_ID = "reminderId";

        private final SurveyReminders reminders;

        ReminderJob(SurveyReminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public void execute(JobExecutionContext context) {
            long id = context.getMergedJobDataMap().getLong(REMINDER_ID);
            try {
                reminders.fire(id);
            } catch (RuntimeException e) {
                log.error("Survey reminder {} failed", id, e);
                throw e;
            }
        }
    }
}
