package vn.hoibot.survey.form;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One row of a definition as read, before validation: column name (lower case, trimmed) → cell text (trimmed). */
public record RawRow(SourceLocation where, Map<String, String> cells) {

    public RawRow {
        Map<String, String> clean = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            if (k != null && !k.isBlank()) {
                clean.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip());
            }
        });
        cells = java.util.Collections.unmodifiableMap(clean);
    }

    public String get(String column) {
        return cells.getOrDefault(column, "");
    }

    public boolean blank() {
        return cells.values().stream().allMatch(String::isBlank);
    }
}
