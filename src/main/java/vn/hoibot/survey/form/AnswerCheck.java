package vn.hoibot.survey.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a typed answer for its question's type and applies the question's constraint: a value to store, or the
 * reason it was refused (a message key and arguments, or the question's own constraint message).
 */
public final class AnswerCheck {

    /** Reads a date the way people type it; empty when it cannot. */
    @FunctionalInterface
    public interface DateReader {
        Optional<LocalDate> read(String text, LocalDate today);
    }

    /** The outcome: {@code value} to store, or a refusal ({@code key}, {@code args}; or {@code message} of the form). */
    public record Outcome(String value, String key, Object[] args, Text message) {
        static Outcome ok(String value) {
            return new Outcome(value, null, new Object[0], null);
        }

        static Outcome refused(String key, Object... args) {
            return new Outcome(null, key, args, null);
        }

        public boolean accepted() {
            return value != null;
        }
    }

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}([.,]\\d{3})+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+([.,]\\d+)?");

    private final FormWalk walk;
    private final int textLimit;
    private final DateReader dates;
    private final LocalDate today;

    public AnswerCheck(FormWalk walk, int textLimit, DateReader dates, LocalDate today) {
        this.walk = walk;
        this.textLimit = textLimit;
        this.dates = dates;
        this.today = today;
    }

    /** A typed answer to a text, number, range or date question. */
    public Outcome typed(Question q, String text, Answers answers) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return Outcome.refused("survey.answer.empty");
        }
        Outcome read = switch (q.type()) {
            case TEXT -> t.length() > textLimit ? Outcome.refused("survey.answer.too-long", textLimit, t.length())
                    : Outcome.ok(t);
            case INTEGER -> integer(t);
            case DECIMAL -> decimal(t);
            case RANGE -> range(q, t);
            case DATE -> dates.read(t, today).map(d -> Outcome.ok(d.toString()))
                    .orElseGet(() -> Outcome.refused("survey.answer.bad-date"));
            default -> Outcome.refused("survey.answer.use-buttons");
        };
        return read.accepted() ? constrained(q, read.value(), answers) : read;
    }

    /** A choice (or set of choices) given by buttons, or a range value. */
    public Outcome chosen(Question q, List<String> names, Answers answers) {
        String value = String.join(" ", names);
        if (names.isEmpty()) {
            return Outcome.refused("survey.answer.none-chosen");
        }
        return constrained(q, value, answers);
    }

    private Outcome constrained(Question q, String value, Answers answers) {
        if (q.constraint() == null || q.constraint().test(walk.env(walk.effective(answers), value))) {
            return Outcome.ok(value);
        }
        if (!q.constraintMessage().isEmpty()) {
            return new Outcome(null, null, new Object[0], q.constraintMessage());
        }
        return Outcome.refused("survey.answer.constraint");
    }

    private static Outcome integer(String t) {
        String digits = t.replace(" ", "");
        if (GROUPED.matcher(digits).matches()) {
            digits = digits.replace(".", "").replace(",", "");
        }
        if (!INTEGER.matcher(digits).matches() || digits.length() > 15) {
            return Outcome.refused("survey.answer.bad-integer");
        }
        return Outcome.ok(new BigDecimal(digits).toPlainString());
    }

    private static Outcome decimal(String t) {
        String s = t.replace(" ", "");
        if (!DECIMAL.matcher(s).matches() || s.length() > 20) {
            return Outcome.refused("survey.answer.bad-decimal");
        }
        return Outcome.ok(new BigDecimal(s.replace(',', '.')).stripTrailingZeros().toPlainString());
    }

    private static Outcome range(Question q, String t) {
        Outcome d = decimal(t);
        if (!d.accepted()) {
            return d;
        }
        BigDecimal v = new BigDecimal(d.value());
        Range r = q.range();
        if (r != null && !r.contains(v)) {
            return Outcome.refused("survey.answer.out-of-range", r.start().toPlainString(), r.end().toPlainString(),
                    r.step().toPlainString());
        }
        return d;
    }
}
