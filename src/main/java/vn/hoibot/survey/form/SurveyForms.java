package vn.hoibot.survey.form;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.spreadsheet.SpreadsheetLimits;
import vn.hoibot.spreadsheet.SpreadsheetReader;
import vn.hoibot.spreadsheet.Workbook;

/**
 * Reads and validates one definition file by its name: {@code .yml}/{@code .yaml} or an XLSForm {@code .xlsx}, the
 * workbook through the spreadsheet module's reader (file size, uncompressed size and rows capped: no zip bomb).
 */
public final class SurveyForms {

    /** 2 MB file, 64 MB uncompressed, 2,000 rows in all sheets together. */
    public static final SpreadsheetLimits LIMITS = new SpreadsheetLimits(2L * 1024 * 1024, 64L * 1024 * 1024, 2000);

    private SurveyForms() {
    }

    public static DefinitionResult read(String file, byte[] content) {
        return read(file, content, LIMITS);
    }

    public static DefinitionResult read(String file, byte[] content, SpreadsheetLimits limits) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            if (content.length > limits.maxFileBytes()) {
                return failed(file, "spreadsheet.too-large", file, Math.max(1, limits.maxFileBytes() / (1024 * 1024)));
            }
            return FormValidator.validate(YamlFormReader.read(file, content));
        }
        if (lower.endsWith(".xlsx")) {
            Workbook workbook;
            try {
                workbook = SpreadsheetReader.read(new ByteArrayInputStream(content), file, limits);
            } catch (UserFacingException e) {
                return failed(file, e.key(), e.args());
            }
            return FormValidator.validate(XlsFormReader.read(file, new WorkbookSheetSource(workbook),
                    ContentHash.of(content)));
        }
        return failed(file, "survey.form.error.unsupported-file");
    }

    private static DefinitionResult failed(String file, String key, Object... args) {
        return new DefinitionResult(file, null, List.of(new DefinitionError(SourceLocation.file(file), key, args)), null);
    }
}
