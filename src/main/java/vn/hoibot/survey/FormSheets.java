package vn.hoibot.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.hoibot.spreadsheet.SpreadsheetWriter;
import vn.hoibot.survey.form.RawForm;
import vn.hoibot.survey.form.RawRow;

/** A definition written back as an XLSForm workbook (sheets survey, choices, settings), to edit in Excel and resend. */
final class FormSheets {

    private FormSheets() {
    }

    static byte[] xlsx(RawForm raw) {
        List<SpreadsheetWriter.Sheet> sheets = new ArrayList<>();
        sheets.add(sheet("survey", raw.survey()));
        sheets.add(sheet("choices", raw.choices()));
        sheets.add(sheet("settings", raw.settings() == null ? List.of() : List.of(raw.settings())));
        return SpreadsheetWriter.xlsx(sheets);
    }

    private static SpreadsheetWriter.Sheet sheet(String name, List<RawRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.cells().keySet()));
        List<String> headers = List.copyOf(columns);
        List<List<?>> out = new ArrayList<>();
        for (RawRow row : rows) {
            out.add(headers.stream().map(row::get).toList());
        }
        return new SpreadsheetWriter.Sheet(name, headers, out);
    }
}
