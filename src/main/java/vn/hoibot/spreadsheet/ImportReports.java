package vn.hoibot.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an import report as lines of text in the reader's language: a summary, then one line per bad row (with its
 * sheet when the import reads several).
 */
@Component
public class ImportReports {

    private final MessageSource messages;

    ImportReports(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** {@code summaryKey}: {@code member.import.summary}, {@code org.import.summary} or {@code indicator.import.summary}. */
    public List<String> render(ImportReport report, String summaryKey, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage(summaryKey, new Object[] {report.created(), report.updated(),
                report.unchanged(), report.errors().size()}, locale));
        for (RowError error : report.errors()) {
            String reason = messages.getMessage(error.key(), error.args(), error.key(), locale);
            lines.add(error.sheet() == null
                    ? messages.getMessage("member.import.row", new Object[] {error.rowNumber(), reason}, locale)
                    : messages.getMessage("spreadsheet.import.sheet-row", new Object[] {error.sheet(),
                            error.rowNumber(), reason}, locale));
        }
        if (!report.applied()) {
            lines.add(messages.getMessage("member.import.not-applied", null, locale));
        }
        return lines;
    }
}
