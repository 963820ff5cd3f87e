package vn.hoibot.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.ResponseStore.Source;
import vn.hoibot.survey.SurveyAnswering.Position;
import vn.hoibot.survey.form.AnswerCheck.Outcome;
import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;

/**
 * Answering, one question at a time. The dialog state holds only where she is (run, member, question, the choices
 * being toggled); her answers are rows of the survey module, saved as she gives them, so she resumes after a
 * restart or days later. A question answered by button is replaced in place by the next (an edit); a typed
 * answer gets the next question as a new message. Buttons name their question: a press on an old one gets a
 * short note and the current question.
 */
@Component
class AnswerDialog implements Dialog, ButtonAction<AnswerDialog.Press> {

    /**
     * An answering button: {@code verb} (c choose, t toggle, d done, a acknowledge, n next, s skip, b back, e edit,
     * send, y/x consent), the run, the question it belongs to ("" for the summary and consent) and an index.
     */
    record Press(String verb, long run, String question, int arg) {
    }

    static final String DIALOG = "survey.answer";
    static final String ACTION = "survey.answer";
    private static final String SUMMARY = "";

    private final SurveyAnswering answering;
    private final Accounts accounts;

    AnswerDialog(SurveyAnswering answering, Accounts accounts) {
        this.answering = answering;
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return DIALOG;
    }

    @Override
    public String action() {
        return ACTION;
    }

    /** Starts or resumes her response; a sensitive survey first asks her consent (nothing is stored before). */
    void start(ChatContext ctx, long runId, long memberId) {
        start(ctx, runId, memberId, null);
    }

    /**
     * As {@link #start(ChatContext, long, long)}; {@code enteredBy} not null: that leader answers for her in this
     * chat (a member without a phone), and the response is recorded as entered by the leader.
     */
    void start(ChatContext ctx, long runId, long memberId, Long enteredBy) {
        SurveyRun run = answering.openRun(runId, memberId);
        SurveyForm form = answering.form(run);
        Map<String, String> data = new java.util.HashMap<>(Map.of("run", Long.toString(runId), "member",
                Long.toString(memberId)));
        if (enteredBy != null) {
            data.put("by", Long.toString(enteredBy));
        }
        if (answering.response(runId, memberId).isEmpty() && form.sensitive()) {
            ctx.startDialog(DIALOG, "consent", data);
            ctx.reply(consent(ctx, form, runId));
            return;
        }
        answering.begin(runId, memberId, enteredBy == null ? Source.SELF : Source.LEADER, enteredBy, false);
        ctx.startDialog(DIALOG, "q", data);
        show(ctx, ctx.dialog().orElseThrow(), answering.position(run, memberId, null), null, null);
    }

    private Outbound consent(ChatContext ctx, SurveyForm form, long runId) {
        return ctx.message("survey.consent.ask", form.title().in(ctx.locale())).withButtons(List.of(List.of(
                ctx.button("survey.button.consent-yes", ACTION, new Press("y", runId, "", 0)),
                ctx.button("survey.button.consent-no", ACTION, new Press("x", runId, "", 0)))));
    }

    /** Shows where she stands: the current question (or the summary) as an edit of {@code messageId}, or new. */
    private void show(ChatContext ctx, DialogState state, Position p, String messageId, String note) {
        Outbound out;
        DialogState next;
        if (p.current().isEmpty()) {
            out = QuestionView.summary(ctx, p, answering.walk(p.form()).asked(p.answers()));
            next = state.with("q", SUMMARY).with("sel", null);
        } else {
            Question q = p.current().get();
            List<String> selected = q.type() == QuestionType.SELECT_MULTIPLE ? selection(state, q, p) : List.of();
            out = QuestionView.question(ctx, p, q, selected, note, answering.today());
            next = state.with("q", q.name()).with("sel", q.type() == QuestionType.SELECT_MULTIPLE
                    ? String.join(" ", selected) : null);
        }
        ctx.save(next.next("q"));
        if (messageId != null) {
            ctx.edit(messageId, out);
        } else {
            ctx.reply(out);
        }
    }

    private static List<String> selection(DialogState state, Question q, Position p) {
        String sel = q.name().equals(state.get("q")) ? state.get("sel") : null;
        String value = sel != null ? sel : p.answers().get(q.name());
        return value.isBlank() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(value.split(" ")));
    }

    @Override
    public Class<Press> payloadType() {
        return Press.class;
    }

    @Override
    public void onPress(ChatContext ctx, Press payload, String messageId) {
        String verb = payload.verb();
        long runId = payload.run();
        String question = payload.question() == null ? "" : payload.question();
        int arg = payload.arg();
        long presser = accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .orElseThrow(() -> new UserFacingException("survey.not-linked"));
        Optional<DialogState> state = ctx.dialog().filter(s -> s.dialog().equals(DIALOG))
                .filter(s -> Long.toString(runId).equals(s.get("run")));
        if (state.isEmpty()) {
            ctx.toast("survey.answer.stale");
            start(ctx, runId, presser); // the dialog was left (another command): she continues where she was
            return;
        }
        DialogState s = state.get();
        // a leader answering for a member: the dialog (started by /traloigiup after the access check) names her
        long member = Long.toString(presser).equals(s.get("by")) ? Long.parseLong(s.get("member")) : presser;
        if (verb.equals("y") || verb.equals("x")) {
            consented(ctx, s, runId, member, verb.equals("y"), messageId);
            return;
        }
        if ("consent".equals(s.step()) || !question.equals(s.get("q")) && !verb.equals("e")) {
            ctx.toast("survey.answer.stale");
            if ("consent".equals(s.step())) {
                ctx.reply(consent(ctx, answering.form(answering.openRun(runId, member)), runId));
            } else {
                SurveyRun run = answering.openRun(runId, member);
                show(ctx, s, answering.position(run, member, blankToNull(s.get("q"))), null, null);
            }
            return;
        }
        SurveyRun run = answering.openRun(runId, member);
        Position p = answering.position(run, member, blankToNull(question));
        switch (verb) {
            case "c" -> {
                Question q = p.current().orElseThrow();
                String value = q.type() == QuestionType.RANGE ? q.range().values().get(arg).toPlainString()
                        : p.form().choicesOf(q).get(arg).name();
                after(ctx, s, run, member, q, answering.chosen(runId, member, q.name(), List.of(value)), messageId);
            }
            case "t" -> {
                Question q = p.current().orElseThrow();
                List<String> selected = selection(s, q, p);
                String name = p.form().choicesOf(q).get(arg).name();
                if (!selected.remove(name)) {
                    selected.add(name);
                }
                List<String> ordered = p.form().choicesOf(q).stream().map(Choice::name).filter(selected::contains)
                        .toList();
                show(ctx, s.with("sel", String.join(" ", ordered)), p, messageId, null);
            }
            case "d" -> {
                Question q = p.current().orElseThrow();
                after(ctx, s, run, member, q, answering.chosen(runId, member, q.name(), selection(s, q, p)),
                        messageId);
            }
            case "a" -> {
                Question q = p.current().orElseThrow();
                after(ctx, s, run, member, q, answering.chosen(runId, member, q.name(), List.of("OK")), messageId);
            }
            case "n", "s" -> {
                Question q = p.current().orElseThrow();
                if (answering.skip(runId, member, q.name())) {
                    show(ctx, s, answering.position(run, member, null), messageId, null);
                } else {
                    show(ctx, s, p, messageId, required(ctx, q));
                }
            }
            case "b" -> {
                var walk = answering.walk(p.form());
                Optional<Question> previous = question.isEmpty()
                        ? walk.asked(p.answers()).stream().reduce((a, b) -> b)
                        : walk.previous(p.answers(), question);
                show(ctx, s.with("sel", null), answering.position(run, member,
                        previous.map(Question::name).orElse(question)), messageId, null);
            }
            case "e" -> show(ctx, s.with("sel", null), answering.position(run, member, question), messageId, null);
            case "send" -> {
                if (answering.submit(runId, member)) {
                    ctx.endDialog();
                    ctx.edit(messageId, ctx.message("survey.answer.sent", p.form().title().in(ctx.locale())));
                } else {
                    show(ctx, s, answering.position(run, member, null), messageId, null);
                }
            }
            default -> throw new UserFacingException("chat.button.expired");
        }
    }

    private void consented(ChatContext ctx, DialogState s, long runId, long member, boolean yes, String messageId) {
        if (!yes) {
            ctx.endDialog();
            ctx.edit(messageId, ctx.message("survey.consent.declined"));
            return;
        }
        Long by = s.get("by") == null ? null : Long.valueOf(s.get("by"));
        Position p = answering.begin(runId, member, by == null ? Source.SELF : Source.LEADER, by, true);
        show(ctx, s.next("q"), p, messageId, null);
    }

    /** After a button answer: the next question in place, or the same one with the reason it was refused. */
    private void after(ChatContext ctx, DialogState s, SurveyRun run, long member, Question q, Outcome outcome,
            String messageId) {
        if (outcome.accepted()) {
            show(ctx, s.with("sel", null), answering.position(run, member, next(run, member, q)), messageId, null);
        } else {
            show(ctx, s, answering.position(run, member, q.name()), messageId, reason(ctx, outcome));
        }
    }

    /** The question after {@code q} when it has no answer yet, else the first one still open (back to the summary). */
    private String next(SurveyRun run, long member, Question q) {
        Position p = answering.position(run, member, null);
        var after = answering.walk(p.form()).next(p.answers(), q.name());
        return after.filter(a -> !p.answers().has(a.name())).map(Question::name).orElse(null);
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        long runId = Long.parseLong(state.get("run"));
        long member = Long.parseLong(state.get("member"));
        SurveyRun run = answering.openRun(runId, member);
        if ("consent".equals(state.step())) {
            ctx.reply("survey.answer.use-buttons");
            ctx.reply(consent(ctx, answering.form(run), runId));
            return;
        }
        String question = state.get("q");
        Position p = answering.position(run, member, blankToNull(question));
        if (p.current().isEmpty()) {
            ctx.reply("survey.answer.use-buttons");
            show(ctx, state, p, null, null);
            return;
        }
        Question q = p.current().get();
        boolean typed = switch (q.type()) {
            case TEXT, INTEGER, DECIMAL, DATE -> true;
            case RANGE -> QuestionView.tooManyForButtons(q);
            default -> false;
        };
        if (!typed) {
            show(ctx, state, p, null, ctx.text("survey.answer.use-buttons"));
            return;
        }
        Outcome outcome = answering.typed(runId, member, q.name(), text);
        if (outcome.accepted()) {
            show(ctx, state, answering.position(run, member, next(run, member, q)), null, null);
        } else {
            ctx.reply("survey.answer.plain", reason(ctx, outcome));
        }
    }

    private static String reason(ChatContext ctx, Outcome outcome) {
        if (outcome.message() != null) {
            return outcome.message().in(ctx.locale());
        }
        return ctx.text(outcome.key(), outcome.args());
    }

    private static String required(ChatContext ctx, Question q) {
        return q.requiredMessage().isEmpty() ? ctx.text("survey.answer.required") : q.requiredMessage().in(ctx.locale());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
