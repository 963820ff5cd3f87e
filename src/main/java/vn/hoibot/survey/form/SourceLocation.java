package vn.hoibot.survey.form;

/**
 * Where a part of a definition was written: the file, and for an XLSForm workbook the sheet and the row as Excel
 * numbers it (header = 1); for YAML {@code sheet} is null and {@code row} is the line (1-based). Row 0: the whole file.
 */
public record SourceLocation(String file, String sheet, int row) {

    public static SourceLocation file(String file) {
        return new SourceLocation(file, null, 0);
    }

    public boolean yaml() {
        return sheet == null;
    }

    @Override
    public String toString() {
        if (row <= 0) {
            return file;
        }
        return sheet == null ? file + ":" + row : file + " [" + sheet + "] row " + row;
    }
}
