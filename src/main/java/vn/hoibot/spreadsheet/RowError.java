package vn.hoibot.spreadsheet;

/** A row that was not imported: its number as Excel shows it (header = 1) and why, as a message key and args. */
public record RowError(int rowNumber, String key, Object[] args) {

    public RowError {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public String toString() {
        return "RowError[" + rowNumber + ", " + key + ", " + java.util.Arrays.toString(args) + "]";
    }
}
