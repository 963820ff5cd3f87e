package vn.hoibot.survey.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a workbook's sheets with Apache POI, at most {@code maxRows} rows a sheet (ZipSecureFile's inflate-ratio
 * check stays on against zip bombs). Stands in until the spreadsheet module's streamed reader feeds {@link SheetSource}.
 */
public final class PoiSheetSource implements SheetSource {

    private final Map<String, List<SheetRow>> sheets;

    private PoiSheetSource(Map<String, List<SheetRow>> sheets) {
        this.sheets = sheets;
    }

    /** Reads the whole workbook; throws {@link IOException} when it is not a readable XLSX or a sheet is too long. */
    public static PoiSheetSource read(InputStream in, int maxRows) throws IOException {
        Map<String, List<SheetRow>> sheets = new HashMap<>();
        try (Workbook book = WorkbookFactory.create(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (Sheet sheet : book) {
                if (sheet.getLastRowNum() - sheet.getFirstRowNum() >= maxRows) {
                    throw new IOException("sheet " + sheet.getSheetName() + " has more than " + maxRows + " rows");
                }
                List<SheetRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    rows.add(new SheetRow(row.getRowNum() + 1, cells));
                }
                sheets.putIfAbsent(sheet.getSheetName().strip().toLowerCase(Locale.ROOT), rows);
            }
        } catch (RuntimeException e) {
            throw new IOException("not a readable workbook", e);
        }
        return new PoiSheetSource(sheets);
    }

    @Override
    public Optional<List<SheetRow>> sheet(String name) {
        return Optional.ofNullable(sheets.get(name.toLowerCase(Locale.ROOT)));
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
        }
        if (cell.getCellType() == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? "yes" : "no";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return cell.getCellFormula();
        }
        return formatter.formatCellValue(cell);
    }
}
