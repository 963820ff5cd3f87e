package vn.hoibot.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.survey.SurveyAnswering.Position;
import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;

/** How a question, the consent and the summary look in the chat: text and buttons, in her language. */
final class QuestionView {

    private static final int RANGE_BUTTONS = 11;
    private static final int SUMMARY_ANSWER = 300;

    private QuestionView() {
    }

    /** The question with its buttons; {@code selected} is the set being toggled (select_multiple), {@code note} a reason on top. */
    static Outbound question(ChatContext ctx, Position p, Question q, List<String> selected, String note,
            LocalDate today) {
        Locale locale = ctx.locale();
        StringBuilder text = new StringBuilder();
        if (note != null) {
            text.append("⚠️ ").append(note).append("\n\n");
        }
        if (!q.groups().isEmpty() && !q.groups().get(q.groups().size() - 1).label().isEmpty()) {
            text.append("【").append(q.groups().get(q.groups().size() - 1).label().in(locale)).append("】\n");
        }
        if (q.type().answered()) {
            int[] at = p.progress(today);
            text.append(ctx.text("survey.answer.progress", at[0], at[1])).append('\n');
        }
        text.append(q.label().in(locale));
        if (!q.hint().isEmpty()) {
            text.append('\n').append(q.hint().in(locale));
        }
        String how = switch (q.type()) {
            case TEXT -> ctx.text("survey.answer.type.text");
            case INTEGER, DECIMAL -> ctx.text("survey.answer.type.number");
            case DATE -> ctx.text("survey.answer.type.date");
            case RANGE -> tooManyForButtons(q) ? ctx.text("survey.answer.type.range", q.range().start().toPlainString(),
                    q.range().end().toPlainString()) : null;
            case SELECT_MULTIPLE -> ctx.text("survey.answer.type.multiple");
            default -> null;
        };
        if (how != null) {
            text.append("\n\n").append(how);
        }
        String run = Long.toString(p.run().id());
        List<List<Button>> rows = new ArrayList<>();
        String current = p.answers().get(q.name());
        List<Choice> choices = p.form().choicesOf(q);
        switch (q.type()) {
            case SELECT_ONE -> {
                for (int i = 0; i < choices.size(); i++) {
                    Choice c = choices.get(i);
                    String label = (c.name().equals(current) ? "✓ " : "") + c.label().in(locale);
                    rows.add(List.of(ctx.buttonLabelled(label, AnswerDialog.ACTION, payload("c", run, q, i))));
                }
            }
            case SELECT_MULTIPLE -> {
                for (int i = 0; i < choices.size(); i++) {
                    Choice c = choices.get(i);
                    String label = (selected.contains(c.name()) ? "✓ " : "") + c.label().in(locale);
                    rows.add(List.of(ctx.buttonLabelled(label, AnswerDialog.ACTION, payload("t", run, q, i))));
                }
                rows.add(List.of(ctx.button("survey.button.done", AnswerDialog.ACTION, payload("d", run, q, 0))));
            }
            case RANGE -> {
                if (!tooManyForButtons(q)) {
                    List<Button> row = new ArrayList<>();
                    var values = q.range().values();
                    for (int i = 0; i < values.size(); i++) {
                        String v = values.get(i).toPlainString();
                        row.add(ctx.buttonLabelled((v.equals(current) ? "✓ " : "") + v, AnswerDialog.ACTION,
                                payload("c", run, q, i)));
                        if (row.size() == 6) {
                            rows.add(row);
                            row = new ArrayList<>();
                        }
                    }
                    if (!row.isEmpty()) {
                        rows.add(row);
                    }
                }
            }
            case ACKNOWLEDGE -> rows.add(List.of(ctx.button("survey.button.ack", AnswerDialog.ACTION,
                    payload("a", run, q, 0))));
            case NOTE -> rows.add(List.of(ctx.button("survey.button.next", AnswerDialog.ACTION,
                    payload("n", run, q, 0))));
            default -> {
            }
        }
        List<Button> nav = new ArrayList<>();
        if (p.previous()) {
            nav.add(ctx.button("survey.button.back", AnswerDialog.ACTION, payload("b", run, q, 0)));
        }
        if (!q.required() && q.type().answered() && q.type() != QuestionType.ACKNOWLEDGE) {
            nav.add(ctx.button("survey.button.skip", AnswerDialog.ACTION, payload("s", run, q, 0)));
        }
        if (!nav.isEmpty()) {
            rows.add(nav);
        }
        return ctx.message("survey.answer.plain", text.toString()).withButtons(rows);
    }

    static boolean tooManyForButtons(Question q) {
        return q.range() == null || q.range().values().size() > RANGE_BUTTONS;
    }

    /** Every question asked with her answer, {@code Gửi}, a button to change each answer, and back. */
    static Outbound summary(ChatContext ctx, Position p, List<Question> asked) {
        Locale locale = ctx.locale();
        StringBuilder text = new StringBuilder(ctx.text("survey.answer.summary", p.form().title().in(locale)));
        String run = Long.toString(p.run().id());
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(ctx.button("survey.button.send", AnswerDialog.ACTION, new AnswerDialog.Press("send", p.run().id(), "", 0))));
        List<Button> edits = new ArrayList<>();
        int n = 0;
        for (Question q : asked) {
            if (!q.type().answered()) {
                continue;
            }
            n++;
            String answer = display(ctx, p.form(), q, p.answers().get(q.name()));
            if (answer.length() > SUMMARY_ANSWER) {
                answer = answer.substring(0, SUMMARY_ANSWER) + "…";
            }
            text.append("\n\n").append(n).append(". ").append(q.label().in(locale)).append("\n→ ").append(answer);
            edits.add(ctx.buttonLabelled("✏️ " + n, AnswerDialog.ACTION, payload("e", run, q, 0)));
            if (edits.size() == 6) {
                rows.add(edits);
                edits = new ArrayList<>();
            }
        }
        if (!edits.isEmpty()) {
            rows.add(edits);
        }
        String body = text.length() > 3900 ? text.substring(0, 3900) + "…" : text.toString();
        return ctx.message("survey.answer.plain", body).withButtons(rows);
    }

    /** An answer as she reads it: choice labels, {@code (bỏ qua)} for a skipped one, dates dd/MM/yyyy. */
    static String display(ChatContext ctx, SurveyForm form, Question q, String value) {
        if (value == null || value.isEmpty()) {
            return ctx.text("survey.answer.skipped");
        }
        if (q.type().select()) {
            List<String> names = Arrays.asList(value.split(" "));
            return String.join(", ", form.choicesOf(q).stream().filter(c -> names.contains(c.name()))
                    .map(c -> c.label().in(ctx.locale())).toList());
        }
        if (q.type() == QuestionType.DATE) {
            return LocalDate.parse(value).format(SurveyLaunch.DAY);
        }
        if (q.type() == QuestionType.ACKNOWLEDGE) {
            return ctx.text("survey.button.ack");
        }
        return value;
    }

    static AnswerDialog.Press payload(String verb, String run, Question q, int arg) {
        return new AnswerDialog.Press(verb, Long.parseLong(run), q.name(), arg);
    }
}
