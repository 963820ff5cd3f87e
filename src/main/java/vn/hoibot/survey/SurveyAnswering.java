package vn.hoibot.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.survey.ResponseStore.Response;
import vn.hoibot.survey.ResponseStore.Source;
import vn.hoibot.survey.form.AnswerCheck;
import vn.hoibot.survey.form.AnswerCheck.Outcome;
import vn.hoibot.survey.form.Answers;
import vn.hoibot.survey.form.FormWalk;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * Answering a run, whoever answers (the member, or a leader for her): each answer is checked against the question
 * and saved in its own transaction, only while the run is open; she may change answers until it closes.
 */
@Service
class SurveyAnswering {

    /** Where a response stands: its run and form, the answers that count, and the question to ask (empty: done). */
    record Position(SurveyRun run, SurveyForm form, Response response, Answers answers, Optional<Question> current,
            boolean previous) {
        int[] progress(LocalDate today) {
            return current.map(q -> new FormWalk(form, today).progress(answers, q.name())).orElse(new int[] { 0, 0 });
        }
    }

    private final RunStore runs;
    private final ResponseStore responses;
    private final DefinitionStore definitions;
    private final SurveyProperties properties;
    private final AnswerCheck.DateReader dates;
    private final Clock clock;

    SurveyAnswering(RunStore runs, ResponseStore responses, DefinitionStore definitions, SurveyProperties properties,
            AnswerCheck.DateReader dates, Clock clock) {
        this.runs = runs;
        this.responses = responses;
        this.definitions = definitions;
        this.properties = properties;
        this.dates = dates;
        this.clock = clock;
    }

    /** The run, if she is invited and it is open now. */
    @Transactional(readOnly = true)
    SurveyRun openRun(long runId, long memberId) {
        SurveyRun run = runs.find(runId).orElseThrow(() -> new UserFacingException("survey.run.unknown"));
        if (!runs.invited(runId, memberId)) {
            throw new UserFacingException("survey.run.not-invited");
        }
        Instant now = clock.instant();
        if (run.closedAt(now)) {
            throw new UserFacingException("survey.run.closed");
        }
        if (!run.openAt(now)) {
            throw new UserFacingException("survey.run.not-yet-open");
        }
        return run;
    }

    SurveyForm form(SurveyRun run) {
        return definitions.form(run.definitionId());
    }

    /** Her response, created now if there is none (for a sensitive survey only after she consented). */
    @Transactional
    Position begin(long runId, long memberId, Source source, Long enteredBy, boolean consented) {
        SurveyRun run = openRun(runId, memberId);
        Instant now = clock.instant();
        responses.start(runId, memberId, source, enteredBy, consented ? now : null, now);
        return position(run, memberId, null);
    }

    /** Whether she has a response already (so a sensitive survey does not ask consent again). */
    @Transactional(readOnly = true)
    Optional<Response> response(long runId, long memberId) {
        return responses.find(runId, memberId);
    }

    /** Where she stands: at {@code question} when it is asked, otherwise at the first one still open. */
    @Transactional(readOnly = true)
    Position position(SurveyRun run, long memberId, String question) {
        SurveyForm form = form(run);
        Response response = responses.find(run.id(), memberId)
                .orElseThrow(() -> new UserFacingException("survey.run.not-started"));
        FormWalk walk = walk(form);
        Answers answers = walk.effective(responses.answers(response.id()));
        Optional<Question> at = question == null ? Optional.empty()
                : walk.asked(answers).stream().filter(q -> q.name().equals(question)).findFirst();
        Optional<Question> current = at.isPresent() ? at : walk.firstOpen(answers);
        boolean previous = current.flatMap(q -> walk.previous(answers, q.name())).isPresent();
        return new Position(run, form, response, answers, current, previous);
    }

    /** A typed answer; saved when it passes, then where she goes next. */
    @Transactional
    Outcome typed(long runId, long memberId, String question, String text) {
        Position p = current(runId, memberId, question);
        Question q = p.form().question(question).orElseThrow();
        Outcome outcome = check(p.form()).typed(q, text, p.answers());
        if (outcome.accepted()) {
            responses.answer(p.response().id(), question, outcome.value(), text.strip(), clock.instant());
        }
        return outcome;
    }

    /** Choices (or a range value, or an acknowledgement) given by buttons. */
    @Transactional
    Outcome chosen(long runId, long memberId, String question, List<String> names) {
        Position p = current(runId, memberId, question);
        Question q = p.form().question(question).orElseThrow();
        Outcome outcome = check(p.form()).chosen(q, names, p.answers());
        if (outcome.accepted()) {
            responses.answer(p.response().id(), question, outcome.value(), null, clock.instant());
        }
        return outcome;
    }

    /** Moves past a note, or skips an optional question (saved as an empty answer); false when it is required. */
    @Transactional
    boolean skip(long runId, long memberId, String question) {
        Position p = current(runId, memberId, question);
        Question q = p.form().question(question).orElseThrow();
        if (q.required() && q.type() != QuestionType.NOTE) {
            return false;
        }
        responses.answer(p.response().id(), question, "", null, clock.instant());
        return true;
    }

    /** Sends the response: every question asked has an answer (or was skipped). */
    @Transactional
    boolean submit(long runId, long memberId) {
        SurveyRun run = openRun(runId, memberId);
        Position p = position(run, memberId, null);
        if (p.current().isPresent()) {
            return false;
        }
        responses.keepOnly(p.response().id(), walk(p.form()).asked(p.answers()).stream().map(Question::name).toList());
        responses.finish(p.response().id(), clock.instant());
        return true;
    }

    private Position current(long runId, long memberId, String question) {
        SurveyRun run = openRun(runId, memberId);
        Position p = position(run, memberId, question);
        if (p.current().isEmpty() || !p.current().get().name().equals(question)) {
            throw new UserFacingException("survey.answer.not-current");
        }
        return p;
    }

    FormWalk walk(SurveyForm form) {
        return new FormWalk(form, today());
    }

    private AnswerCheck check(SurveyForm form) {
        return new AnswerCheck(walk(form), properties.textLimit(), dates, today());
    }

    LocalDate today() {
        return ServiceZone.today(clock);
    }
}
