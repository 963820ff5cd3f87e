package vn.hoibot.survey.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Reads and validates one definition file by its name: {@code .yml}/{@code .yaml} or an XLSForm {@code .xlsx}. */
public final class SurveyForms {

    public static final int MAX_ROWS = 2000;

    private SurveyForms() {
    }

    public static DefinitionResult read(String file, byte[] content) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            return FormValidator.validate(YamlFormReader.read(file, content));
        }
        if (lower.endsWith(".xlsx")) {
            SheetSource source;
            try {
                source = PoiSheetSource.read(new ByteArrayInputStream(content), MAX_ROWS);
            } catch (IOException e) {
                return failed(file, "survey.form.error.unreadable-workbook", MAX_ROWS);
            }
            return FormValidator.validate(XlsFormReader.read(file, source, ContentHash.of(content)));
        }
        return failed(file, "survey.form.error.unsupported-file");
    }

    private static DefinitionResult failed(String file, String key, Object... args) {
        return new DefinitionResult(file, null, List.of(new DefinitionError(SourceLocation.file(file), key, args)), null);
    }
}
