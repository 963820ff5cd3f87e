package vn.hoibot.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The one writer for CSV and XLSX exports. Every text cell that a spreadsheet program would take as a formula
 * (starting with {@code = + - @}, a tab or a carriage return) is neutralised with a leading apostrophe, in both
 * formats; numbers ({@link Number} values) stay numbers. CSV: UTF-8 with BOM (Excel reads Vietnamese right), CRLF,
 * RFC 4180 quoting (commas, quotes, any number of line breaks). XLSX: SXSSF, streaming, optional bold title lines
 * above a bold header row that stays frozen when scrolling, optional column widths; dates ({@link LocalDate}) as
 * dd/MM/yyyy text; {@link Percent} values as numbers formatted as percentages ({@code 0.0%}).
 */
public final class SpreadsheetWriter {

    /**
     * One sheet of an XLSX export: a name (made safe for Excel), title lines above the table (may be empty), a header
     * row, column widths in characters (may be empty or shorter than the headers) and the data rows.
     */
    public record Sheet(String name, List<String> title, List<String> headers, List<Integer> widths,
            Iterable<? extends List<?>> rows) {

        public Sheet {
            title = title == null ? List.of() : List.copyOf(title);
            widths = widths == null ? List.of() : List.copyOf(widths);
        }

        public Sheet(String name, List<String> headers, Iterable<? extends List<?>> rows) {
            this(name, List.of(), headers, List.of(), rows);
        }
    }

    /** A share (0.25) written as a number that the spreadsheet shows as a percentage (25.0%); CSV: the number. */
    public record Percent(double value) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int WINDOW = 200;

    private SpreadsheetWriter() {
    }

    /** The text as a spreadsheet shows it, never as a formula: {@code =1+1} becomes {@code '=1+1}. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    public static byte[] csv(List<String> headers, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeCsv(out, headers, rows);
        return out.toByteArray();
    }

    /** Writes the CSV (BOM, header, rows) to {@code out}, leaving it open. */
    public static void writeCsv(OutputStream out, List<String> headers, Iterable<? extends List<?>> rows) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n")
                    .setQuoteMode(QuoteMode.MINIMAL).get());
            printer.printRecord(texts(headers));
            for (List<?> row : rows) {
                printer.printRecord(texts(row));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xlsx(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeXlsx(out, sheets);
        return out.toByteArray();
    }

    /** Writes the workbook to {@code out} (streamed: at most a window of rows in memory), leaving it open. */
    public static void writeXlsx(OutputStream out, List<Sheet> sheets) {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            book.setCompressTempFiles(true);
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            CellStyle titleStyle = book.createCellStyle();
            titleStyle.setFont(bold);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            List<String> used = new ArrayList<>();
            for (Sheet s : sheets) {
                SXSSFSheet sheet = book.createSheet(sheetName(s.name(), used));
                int r = 0;
                for (String line : s.title()) {
                    Cell cell = sheet.createRow(r++).createCell(0);
                    cell.setCellValue(neutralise(line));
                    cell.setCellStyle(titleStyle);
                }
                for (int c = 0; c < s.widths().size(); c++) {
                    sheet.setColumnWidth(c, Math.min(255, s.widths().get(c)) * 256);
                }
                sheet.createFreezePane(0, r + 1);
                var head = sheet.createRow(r++);
                for (int c = 0; c < s.headers().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(neutralise(s.headers().get(c)));
                    cell.setCellStyle(header);
                }
                for (List<?> values : s.rows()) {
                    var row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof Percent p) {
                            cell.setCellValue(p.value());
                            cell.setCellStyle(percent);
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else {
                            cell.setCellValue(text(v));
                        }
                    }
                }
            }
            book.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            book.dispose();
            try {
                book.close();
            } catch (IOException ignored) {
                // temporary files are already gone
            }
        }
    }

    private static List<String> texts(List<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(v instanceof Number n ? n.toString() : v instanceof Percent p ? String.valueOf(p.value()) : text(v));
        }
        return out;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof LocalDate d) {
            return d.format(DAY);
        }
        return neutralise(v.toString());
    }

    private static String sheetName(String wanted, List<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int i = 2; used.stream().anyMatch(name::equalsIgnoreCase); i++) {
            String suffix = " (" + i + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        used.add(name);
        return name;
    }
}
