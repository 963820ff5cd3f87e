package vn.hoibot.spreadsheet;

import java.util.List;
import java.util.function.Predicate;

import vn.hoibot.text.Texts;

/** One sheet: its name, its header row (the first non-blank row) and the rows below it. */
public record Table(String sheet, List<String> headers, List<Row> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** Index of the first header that folds ({@code Texts.fold}) to one of the aliases, or -1. */
    public int column(List<String> foldedAliases) {
        return column(header -> foldedAliases.contains(Texts.fold(header)));
    }

    /** Index of the first header the predicate accepts (e.g. one that folds to an alias), or -1. */
    public int column(Predicate<String> header) {
        for (int i = 0; i < headers.size(); i++) {
            if (header.test(headers.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
