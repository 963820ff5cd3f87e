package vn.hoibot.survey.form;

import java.util.List;
import java.util.Optional;

/**
 * The rows of a workbook's sheets as text, however the file was read: the seam between the XLSForm reader and
 * the spreadsheet reader that feeds it.
 */
public interface SheetSource {

    /** One row: its number as Excel shows it (1-based) and its cells as text, left to right. */
    record SheetRow(int number, List<String> cells) {
        public SheetRow {
            cells = List.copyOf(cells);
        }
    }

    /** The rows of the sheet whose name is {@code name} ignoring case, or empty when there is no such sheet. */
    Optional<List<SheetRow>> sheet(String name);
}
