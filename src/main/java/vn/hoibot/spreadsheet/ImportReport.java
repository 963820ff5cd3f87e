package vn.hoibot.spreadsheet;

import java.util.List;

/** What an import did. {@code applied} is false when nothing was written because of errors. */
public record ImportReport(int created, int updated, int unchanged, List<RowError> errors, boolean applied) {

    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
