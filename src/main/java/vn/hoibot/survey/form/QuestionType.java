package vn.hoibot.survey.form;

import java.util.Locale;

/** The XLSForm question types HoiBot asks in a chat. */
public enum QuestionType {
    SELECT_ONE, SELECT_MULTIPLE, TEXT, INTEGER, DECIMAL, RANGE, DATE, NOTE, ACKNOWLEDGE, BEGIN_GROUP, END_GROUP;

    /** A type column's first word ({@code select_one}, {@code begin group}...), or null when unknown. */
    static QuestionType of(String word) {
        String w = word.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return switch (w) {
            case "select_one" -> SELECT_ONE;
            case "select_multiple" -> SELECT_MULTIPLE;
            case "text" -> TEXT;
            case "integer", "int" -> INTEGER;
            case "decimal" -> DECIMAL;
            case "range" -> RANGE;
            case "date" -> DATE;
            case "note" -> NOTE;
            case "acknowledge" -> ACKNOWLEDGE;
            case "begin_group" -> BEGIN_GROUP;
            case "end_group" -> END_GROUP;
            default -> null;
        };
    }

    public boolean select() {
        return this == SELECT_ONE || this == SELECT_MULTIPLE;
    }

    /** Whether the type holds an answer (notes and group markers do not). */
    public boolean answered() {
        return this != NOTE && this != BEGIN_GROUP && this != END_GROUP;
    }

    /** Whether the answer is a number (for means and medians). */
    public boolean numeric() {
        return this == INTEGER || this == DECIMAL || this == RANGE;
    }
}
