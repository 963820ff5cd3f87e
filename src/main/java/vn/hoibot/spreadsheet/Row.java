package vn.hoibot.spreadsheet;

import java.util.List;

/**
 * One data row as text. {@code number} is the row number the user sees (in Excel the header is usually row 1; in
 * a CSV the record number).
 */
public record Row(String sheet, int number, List<String> cells) {

    public Row {
        cells = List.copyOf(cells);
    }

    /** The cell's text, stripped; empty for a missing cell or a negative index. */
    public String cell(int index) {
        return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
