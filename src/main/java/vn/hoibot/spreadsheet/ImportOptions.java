package vn.hoibot.spreadsheet;

import java.time.LocalDate;

/**
 * How to import: {@code strict} applies nothing if any row is bad (otherwise the good rows are applied and the bad
 * reported); {@code effectiveDate} is when moves between units take effect (today when null).
 */
public record ImportOptions(boolean strict, LocalDate effectiveDate) {

    public static ImportOptions lenient() {
        return new ImportOptions(false, null);
    }
}
