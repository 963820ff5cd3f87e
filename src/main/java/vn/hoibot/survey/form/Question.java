package vn.hoibot.survey.form;

import java.util.List;

/**
 * One question of the survey sheet (group markers are not questions: they become {@link #groups()}).
 *
 * @param groups the enclosing groups, outermost first
 */
public record Question(
        String name,
        QuestionType type,
        String listName,
        Text label,
        Text hint,
        boolean required,
        Text requiredMessage,
        Expression relevant,
        Expression constraint,
        Text constraintMessage,
        String defaultValue,
        Range range,
        List<Group> groups,
        SourceLocation where) {

    public Question {
        groups = List.copyOf(groups);
    }
}
