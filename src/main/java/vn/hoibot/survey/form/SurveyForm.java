package vn.hoibot.survey.form;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.hoibot.survey.SurveyKind;

/**
 * A valid survey definition, whichever way it came in (YAML or XLSForm workbook).
 *
 * @param formId    settings {@code form_id}: the survey's stable name
 * @param version   settings {@code version}, or a hash of the file when it has none
 * @param kind      settings {@code kind} (needs, circumstances, feedback, other)
 * @param sensitive settings {@code sensitive}; circumstances surveys are sensitive unless it says no
 * @param questions in order, group markers left out
 * @param choices   list name → choices in order
 */
public record SurveyForm(
        String formId,
        String version,
        Text title,
        String defaultLanguage,
        SurveyKind kind,
        boolean sensitive,
        List<Question> questions,
        Map<String, List<Choice>> choices,
        SourceLocation source) {

    public SurveyForm {
        questions = List.copyOf(questions);
        choices = Map.copyOf(choices);
    }

    public Optional<Question> question(String name) {
        return questions.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public List<Choice> choicesOf(Question question) {
        return question.listName() == null ? List.of() : choices.getOrDefault(question.listName(), List.of());
    }

    /** Questions that take an answer (not notes). */
    public long answerableCount() {
        return questions.stream().filter(q -> q.type().answered()).count();
    }
}
