package vn.hoibot.survey.form;

import java.util.List;

/** A definition read and checked: the form when it is valid, otherwise every error found (never both); the rows read. */
public record DefinitionResult(String file, SurveyForm form, List<DefinitionError> errors, RawForm raw) {

    public DefinitionResult {
        errors = List.copyOf(errors);
        if ((form == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("a form or errors, not both");
        }
    }

    public boolean valid() {
        return form != null;
    }
}
