package vn.hoibot.survey.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.hoibot.spreadsheet.Row;
import vn.hoibot.spreadsheet.Table;
import vn.hoibot.spreadsheet.Workbook;

/**
 * The sheets of a workbook as the spreadsheet module's streamed reader read them (within its size, uncompressed
 * size and row limits), as rows for the XLSForm reader: the header first, then the rows with Excel's numbers.
 */
final class WorkbookSheetSource implements SheetSource {

    private final Workbook workbook;

    WorkbookSheetSource(Workbook workbook) {
        this.workbook = workbook;
    }

    @Override
    public Optional<List<SheetRow>> sheet(String name) {
        return workbook.sheet(name.strip()).map(WorkbookSheetSource::rows);
    }

    private static List<SheetRow> rows(Table table) {
        List<SheetRow> rows = new ArrayList<>();
        int first = table.rows().isEmpty() ? 2 : table.rows().get(0).number();
        rows.add(new SheetRow(Math.max(1, first - 1), table.headers()));
        for (Row row : table.rows()) {
            rows.add(new SheetRow(row.number(), row.cells()));
        }
        return rows;
    }
}
