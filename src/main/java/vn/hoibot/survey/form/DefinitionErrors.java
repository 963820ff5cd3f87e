package vn.hoibot.survey.form;

import java.util.Locale;

import vn.hoibot.chat.Messages;

/** Renders definition errors for people: {@code needs.yml, dòng 12: câu hỏi … thiếu nhãn tiếng Việt}. */
public final class DefinitionErrors {

    private DefinitionErrors() {
    }

    public static String describe(Messages messages, Locale locale, DefinitionError error) {
        SourceLocation w = error.where();
        String where;
        if (w.row() <= 0) {
            where = messages.get(locale, "survey.form.where.file", w.file());
        } else if (w.yaml()) {
            where = messages.get(locale, "survey.form.where.line", w.file(), String.valueOf(w.row()));
        } else {
            where = messages.get(locale, "survey.form.where.row", w.file(), w.sheet(), String.valueOf(w.row()));
        }
        return messages.get(locale, "survey.form.error.line", where, messages.get(locale, error.key(), error.args()));
    }
}
