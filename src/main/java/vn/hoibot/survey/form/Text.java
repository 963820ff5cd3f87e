package vn.hoibot.survey.form;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A text in several languages (language code → text), as XLSForm's {@code label::Tiếng Việt (vi)} columns give. */
public record Text(Map<String, String> byLanguage) {

    public static final Text EMPTY = new Text(Map.of());

    public Text {
        byLanguage = Map.copyOf(new LinkedHashMap<>(byLanguage));
    }

    public static Text vi(String text) {
        return new Text(Map.of("vi", text));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    public boolean has(String language) {
        String t = byLanguage.get(language);
        return t != null && !t.isBlank();
    }

    /** The text in the locale's language, else Vietnamese, else any; "" when there is none. */
    public String in(Locale locale) {
        String language = locale == null ? "vi" : locale.getLanguage();
        if (has(language)) {
            return byLanguage.get(language);
        }
        if (has("vi")) {
            return byLanguage.get("vi");
        }
        return byLanguage.values().stream().filter(s -> !s.isBlank()).findFirst().orElse("");
    }

    public String vi() {
        return in(Locale.forLanguageTag("vi"));
    }
}
