package vn.hoibot.survey.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an XLSForm workbook (sheets survey, choices, settings; first non-blank row = column names). */
public final class XlsFormReader {

    private XlsFormReader() {
    }

    public static RawForm read(String file, SheetSource source, String contentHash) {
        List<DefinitionError> errors = new ArrayList<>();
        Optional<List<RawRow>> survey = rows(file, "survey", source);
        if (survey.isEmpty()) {
            errors.add(new DefinitionError(SourceLocation.file(file), "survey.form.error.missing-sheet",
                    new Object[] { "survey" }));
        }
        List<RawRow> choices = rows(file, "choices", source).orElse(List.of());
        RawRow settings = rows(file, "settings", source).flatMap(r -> r.stream().filter(x -> !x.blank()).findFirst())
                .orElse(null);
        return new RawForm(file, survey.orElse(List.of()), choices, settings, Map.of(), errors, contentHash);
    }

    private static Optional<List<RawRow>> rows(String file, String sheet, SheetSource source) {
        return source.sheet(sheet).map(rows -> {
            List<RawRow> out = new ArrayList<>();
            List<String> header = null;
            for (SheetSource.SheetRow row : rows) {
                if (header == null) {
                    if (row.cells().stream().anyMatch(c -> c != null && !c.isBlank())) {
                        header = row.cells();
                    }
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String column = header.get(i);
                    if (column != null && !column.isBlank()) {
                        cells.putIfAbsent(column, i < row.cells().size() ? row.cells().get(i) : "");
                    }
                }
                out.add(new RawRow(new SourceLocation(file, sheet, row.number()), cells));
            }
            return out;
        });
    }
}
