package vn.hoibot.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * Launches a run: stores the definition version, the run and its invitees (every active member of the audience,
 * with or without Telegram, so leaders can answer for those without), and queues the invitations with a
 * {@code Bắt đầu} button through the broadcast outbox, all in one transaction.
 */
@Service
class SurveyLaunch {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Logger log = LoggerFactory.getLogger(SurveyLaunch.class);

    private final FormLibrary library;
    private final RunStore runs;
    private final AccessPolicy policy;
    private final Accounts accounts;
    private final RunMessages messagesOut;
    private final SurveyReminders reminders;
    private final Messages messages;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    SurveyLaunch(FormLibrary library, RunStore runs, AccessPolicy policy,
            Accounts accounts, RunMessages messagesOut, SurveyReminders reminders, Messages messages, JdbcTemplate jdbc,
            Clock clock) {
        this.library = library;
        this.runs = runs;
        this.policy = policy;
        this.accounts = accounts;
        this.messagesOut = messagesOut;
        this.reminders = reminders;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The run's id; the invitations are queued (for the opening time when it is later). */
    @Transactional
    long launch(Actor actor, String formId, AudienceSource.Members audience, String spec, Instant opensAt,
            Instant closesAt) {
        policy.require(actor, Permission.RUN_SURVEY, audience.unitId());
        FormLibrary.Entry entry = library.find(actor, formId)
                .orElseThrow(() -> new UserFacingException("survey.launch.unknown-form"));
        SurveyForm form = entry.form();
        if (audience.memberIds().isEmpty()) {
            throw new UserFacingException("survey.launch.empty-audience");
        }
        Instant now = clock.instant();
        if (!closesAt.isAfter(now) || !closesAt.isAfter(opensAt)) {
            throw new UserFacingException("survey.launch.bad-close");
        }
        long definition = library.definitionId(entry);
        long runId = runs.create(definition, form.kind(), audience.unitId(), audience.description(), spec,
                actor.memberId(), null, opensAt, closesAt, List.of(), now);
        addInvitees(runId, audience.memberIds());
        invite(runId, form, audience.memberIds(), closesAt, opensAt.isAfter(now) ? opensAt : null, actor.memberId(),
                audience.unitId());
        reminders.plan(runId, opensAt, closesAt);
        log.info("Survey run {} ({}) launched for {} members", runId, formId, audience.memberIds().size());
        return runId;
    }

    private void addInvitees(long runId, List<Long> memberIds) {
        LocalDate today = ServiceZone.today(clock);
        List<Object[]> rows = new ArrayList<>();
        for (long m : memberIds) {
            rows.add(new Object[] { runId, m, m, today, today });
            if (rows.size() == 1000) {
                insertInvitees(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insertInvitees(rows);
        }
    }

    private void insertInvitees(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into survey_invitee (run_id, member_id, unit_id)
                select ?, mu.member_id, mu.unit_id from member_unit mu
                 where mu.member_id = ? and mu.valid_from <= ? and (mu.valid_to is null or mu.valid_to > ?)""",
                rows.stream().map(r -> new Object[] { r[0], r[2], r[3], r[4] }).toList());
    }

    /** The invitation text as members read it (also the leader's preview). */
    String invitation(Locale locale, SurveyForm form, Instant closesAt) {
        String close = closesAt.minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate().format(DAY);
        String key = form.sensitive() ? "survey.invite.body-sensitive" : "survey.invite.body";
        return messages.get(locale, key, form.title().in(locale), form.answerableCount(), close);
    }

    private void invite(long runId, SurveyForm form, List<Long> memberIds, Instant closesAt, Instant at, Long by,
            long unitId) {
        messagesOut.enqueue(runId, accounts.chatsOf(memberIds), locale -> invitation(locale, form, closesAt), at, by, unitId);
    }
}
