package vn.hoibot.spreadsheet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

/**
 * Reads a CSV (UTF-8 with or without BOM, comma or semicolon) or the first sheet of an XLSX into rows of text.
 * Row numbers are those the user sees in Excel: the header is row 1.
 */
public final class TableReader {

    public record Line(int rowNumber, List<String> cells) {
        public String cell(int index) {
            return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    public record Table(List<String> headers, List<Line> lines) {
        /** Index of the first header that folds to one of the aliases, or -1. */
        public int column(List<String> aliases) {
            for (int i = 0; i < headers.size(); i++) {
                if (aliases.contains(Texts.fold(headers.get(i)))) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private TableReader() {
    }

    public static Table read(InputStream in, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                return xlsx(in);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return csv(in);
            }
        } catch (IOException | RuntimeException e) {
            throw new UserFacingException("member.import.unreadable", fileName);
        }
        throw new UserFacingException("member.import.unsupported-format", fileName);
    }

    private static Table csv(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] bom = in.readNBytes(3);
        boolean hasBom = bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF;
        if (!hasBom) {
            in.unread(bom);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(64 * 1024);
        String first = reader.readLine();
        if (first == null) {
            return new Table(List.of(), List.of());
        }
        reader.reset();
        char delimiter = count(first, ';') > count(first, ',') ? ';' : ',';
        List<String> headers = null;
        List<Line> lines = new ArrayList<>();
        try (Reader r = reader) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(r)) {
                List<String> cells = rec.toList();
                int rowNumber = (int) rec.getRecordNumber();
                if (headers == null) {
                    headers = cells;
                } else {
                    lines.add(new Line(rowNumber, cells));
                }
            }
        }
        return new Table(headers == null ? List.of() : headers, lines);
    }

    private static Table xlsx(InputStream in) throws IOException {
        try (Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> headers = null;
            List<Line> lines = new ArrayList<>();
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                if (headers == null) {
                    if (cells.stream().anyMatch(s -> !s.isBlank())) {
                        headers = cells;
                    }
                } else {
                    lines.add(new Line(r + 1, cells));
                }
            }
            return new Table(headers == null ? List.of() : headers, lines);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DAY);
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
        }
        return formatter.formatCellValue(cell);
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
