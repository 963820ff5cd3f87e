package vn.hoibot.survey.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of one response so far, by question name: the stored value (choice names space-separated for
 * select_multiple, numbers with a dot, dates {@code yyyy-MM-dd}); a question she skipped has the value {@code ""}.
 */
public record Answers(Map<String, String> values) {

    public static final Answers NONE = new Answers(Map.of());

    public Answers {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String question) {
        return values.containsKey(question);
    }

    public String get(String question) {
        return values.getOrDefault(question, "");
    }

    public Answers with(String question, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(question, value);
        return new Answers(copy);
    }

    public Answers without(String question) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(question);
        return new Answers(copy);
    }
}
