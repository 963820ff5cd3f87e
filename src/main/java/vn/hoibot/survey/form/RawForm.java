package vn.hoibot.survey.form;

import java.util.List;
import java.util.Map;

/**
 * A definition as read from a file (YAML or workbook), before validation.
 *
 * @param declaredLists choice lists declared by name (YAML's map form), so that an empty one can be named
 * @param readErrors    problems found while reading (missing sheet, unreadable file)
 * @param contentHash   a hash of the file, the version when settings give none
 */
public record RawForm(
        String file,
        List<RawRow> survey,
        List<RawRow> choices,
        RawRow settings,
        Map<String, SourceLocation> declaredLists,
        List<DefinitionError> readErrors,
        String contentHash) {

    public RawForm {
        survey = List.copyOf(survey);
        choices = List.copyOf(choices);
        // sorted, so its JSON is the same in every JVM (Map.copyOf's order changes from one run to the next)
        declaredLists = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(declaredLists));
        readErrors = List.copyOf(readErrors);
    }
}
