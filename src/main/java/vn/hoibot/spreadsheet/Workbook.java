package vn.hoibot.spreadsheet;

import java.util.List;
import java.util.Optional;

/** The sheets of a file, in workbook order (a CSV is one sheet, named after the file). */
public record Workbook(List<Table> sheets) {

    public Workbook {
        sheets = List.copyOf(sheets);
    }

    /** The sheet of that name (exact, then ignoring case). */
    public Optional<Table> sheet(String name) {
        return sheets.stream().filter(t -> t.sheet().equals(name)).findFirst()
                .or(() -> sheets.stream().filter(t -> t.sheet().equalsIgnoreCase(name)).findFirst());
    }

    /** The first sheet, or an empty table for a file without any. */
    public Table first() {
        return sheets.isEmpty() ? new Table("", List.of(), List.of()) : sheets.get(0);
    }

    public List<String> sheetNames() {
        return sheets.stream().map(Table::sheet).toList();
    }
}
