package vn.hoibot.spreadsheet;

/**
 * A row that was not imported: its sheet (null for a one-sheet import), its number as Excel shows it (header = 1)
 * and why, as a message key and args.
 */
public record RowError(String sheet, int rowNumber, String key, Object[] args) {

    public RowError {
        args = args == null ? new Object[0] : args.clone();
    }

    public RowError(int rowNumber, String key, Object[] args) {
        this(null, rowNumber, key, args);
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return "RowError[" + (sheet == null ? "" : sheet + ", ") + rowNumber + ", " + key + ", "
                + java.util.Arrays.toString(args) + "]";
    }
}
