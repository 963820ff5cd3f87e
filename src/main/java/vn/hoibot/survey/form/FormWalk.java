package vn.hoibot.survey.form;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Skip logic over a form: which questions are asked given the answers so far (a group's relevant and each
 * question's own), the next and the previous one, and the progress ({@code Câu 3/12}). An answer to a question that is
 * no longer asked counts as empty for the conditions after it, as ODK clears it.
 */
public final class FormWalk {

    private final SurveyForm form;
    private final LocalDate today;

    public FormWalk(SurveyForm form, LocalDate today) {
        this.form = form;
        this.today = today;
    }

    /** The questions asked with these answers, in order (notes included). */
    public List<Question> asked(Answers answers) {
        List<Question> out = new ArrayList<>();
        Answers visible = Answers.NONE;
        for (Question q : form.questions()) {
            if (relevant(q, visible)) {
                out.add(q);
                if (answers.has(q.name())) {
                    visible = visible.with(q.name(), answers.get(q.name()));
                }
            }
        }
        return out;
    }

    /** The answers that count: those of questions still asked (others are dropped, as ODK clears them). */
    public Answers effective(Answers answers) {
        Answers out = Answers.NONE;
        for (Question q : asked(answers)) {
            if (answers.has(q.name())) {
                out = out.with(q.name(), answers.get(q.name()));
            }
        }
        return out;
    }

    /** The first question asked after {@code current} (null: from the start), or empty at the end. */
    public Optional<Question> next(Answers answers, String current) {
        List<Question> asked = asked(answers);
        int from = current == null ? 0 : indexAfter(current);
        return asked.stream().filter(q -> form.questions().indexOf(q) >= from).findFirst();
    }

    /** The question asked before {@code current}, or empty at the first. */
    public Optional<Question> previous(Answers answers, String current) {
        int at = form.questions().indexOf(form.question(current).orElseThrow());
        Question found = null;
        for (Question q : asked(answers)) {
            if (form.questions().indexOf(q) < at) {
                found = q;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The first asked question without an answer, where she resumes; empty when all are answered. */
    public Optional<Question> firstOpen(Answers answers) {
        return asked(answers).stream().filter(q -> !answers.has(q.name())).findFirst();
    }

    /** Position of {@code question} among the answerable questions asked (1-based) and their count. */
    public int[] progress(Answers answers, String question) {
        List<Question> counted = asked(answers).stream().filter(q -> q.type().answered()).toList();
        int at = 0;
        for (int i = 0; i < counted.size(); i++) {
            if (counted.get(i).name().equals(question)) {
                at = i + 1;
            }
        }
        return new int[] { at, counted.size() };
    }

    private int indexAfter(String current) {
        return form.questions().indexOf(form.question(current).orElseThrow()) + 1;
    }

    private boolean relevant(Question q, Answers visible) {
        Expression.Env env = env(visible, "");
        for (Group g : q.groups()) {
            if (g.relevant() != null && !g.relevant().test(env)) {
                return false;
            }
        }
        return q.relevant() == null || q.relevant().test(env);
    }

    Expression.Env env(Answers answers, String self) {
        return new Expression.Env() {
            @Override
            public String answer(String name) {
                return answers.get(name);
            }

            @Override
            public String self() {
                return self;
            }

            @Override
            public LocalDate today() {
                return today;
            }
        };
    }
}
