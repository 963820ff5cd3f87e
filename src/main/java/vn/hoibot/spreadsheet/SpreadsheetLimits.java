package vn.hoibot.spreadsheet;

/**
 * What a reader accepts: the file as sent, its content once uncompressed (XLSX is a zip) and the data rows (all
 * sheets together, headers not counted).
 */
public record SpreadsheetLimits(long maxFileBytes, long maxUncompressedBytes, int maxRows) {

    /** 10 MB file, 256 MB uncompressed, 200,000 rows: a province roster fits, a zip bomb does not. */
    public static final SpreadsheetLimits DEFAULT = new SpreadsheetLimits(10L * 1024 * 1024, 256L * 1024 * 1024,
            200_000);

    public SpreadsheetLimits {
        if (maxFileBytes <= 0 || maxUncompressedBytes <= 0 || maxRows <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public SpreadsheetLimits withMaxRows(int rows) {
        return new SpreadsheetLimits(maxFileBytes, maxUncompressedBytes, rows);
    }

    public SpreadsheetLimits withMaxUncompressedBytes(long bytes) {
        return new SpreadsheetLimits(maxFileBytes, bytes, maxRows);
    }
}
