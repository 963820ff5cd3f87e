package vn.hoibot.survey.form;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed XLSForm expression (relevant, constraint): {@code ${name}}, {@code .}, comparisons, arithmetic,
 * {@code and}, {@code or}, {@code not()}, {@code selected()}, {@code count-selected()}, {@code string-length()},
 * {@code regex()}, {@code today()}. Values follow XPath 1.0 as ODK applies it: answers are text, compared as numbers
 * when the other side is a number or a date, empty answers are {@code NaN} in arithmetic.
 */
public final class Expression {

    private final String source;
    private final Node root;

    private Expression(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses {@code text}; throws {@link ExpressionException} with the position of the first problem. */
    public static Expression parse(String text) {
        return new Expression(text, new ExpressionParser(text).parse());
    }

    public String source() {
        return source;
    }

    /** The question names referenced with {@code ${name}}, in order of first appearance. */
    public Set<String> references() {
        Set<String> names = new LinkedHashSet<>();
        root.collect(names);
        return names;
    }

    /** Whether the expression uses {@code .} (the answer being checked). */
    public boolean usesSelf() {
        return root.usesSelf();
    }

    public Object evaluate(Env env) {
        return root.eval(env);
    }

    public boolean test(Env env) {
        return Values.bool(root.eval(env));
    }

    @Override
    public String toString() {
        return source;
    }

    /** What an expression can read: earlier answers as text ({@code ""} when none), the answer itself, today. */
    public interface Env {
        String answer(String name);

        String self();

        java.time.LocalDate today();
    }

    interface Node {
        Object eval(Env env);

        default void collect(Set<String> names) {
        }

        default boolean usesSelf() {
            return false;
        }
    }
}
