package vn.hoibot.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.hoibot.chat.Messages;
import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.Group;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;

/** A survey's questions in a few lines, as the uploader checks them: group headings, type, choices. */
final class FormPreview {

    private static final int MAX_QUESTIONS = 15;
    private static final int MAX_CHARS = 2500;

    private FormPreview() {
    }

    static String preview(Messages messages, Locale locale, SurveyForm form) {
        List<String> lines = new ArrayList<>();
        Group group = null;
        int shown = 0;
        int length = 0;
        for (Question q : form.questions()) {
            if (shown == MAX_QUESTIONS || length > MAX_CHARS) {
                break;
            }
            Group inner = q.groups().isEmpty() ? null : q.groups().get(q.groups().size() - 1);
            if (inner != null && !inner.equals(group) && !inner.label().isEmpty()) {
                lines.add(messages.get(locale, "survey.upload.preview-group", inner.label().in(locale)));
            }
            group = inner;
            shown++;
            String type = q.type() == QuestionType.RANGE
                    ? messages.get(locale, "survey.type.RANGE", q.range().start().toPlainString(),
                            q.range().end().toPlainString())
                    : messages.get(locale, "survey.type." + q.type().name());
            if (q.required()) {
                type = type + ", " + messages.get(locale, "survey.type.required");
            }
            lines.add(messages.get(locale, "survey.upload.preview-line", shown, q.label().in(locale), type));
            if (q.type().select()) {
                lines.add(messages.get(locale, "survey.upload.preview-choices", String.join(" / ",
                        form.choicesOf(q).stream().map(Choice::label).map(l -> l.in(locale)).toList())));
            }
            length += lines.get(lines.size() - 1).length() + 80;
        }
        if (shown < form.questions().size()) {
            lines.add(messages.get(locale, "survey.upload.more-questions", form.questions().size() - shown));
        }
        return String.join("\n", lines);
    }
}
