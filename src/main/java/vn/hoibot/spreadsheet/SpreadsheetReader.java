package vn.hoibot.spreadsheet;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import vn.hoibot.chat.UserFacingException;

/**
 * Reads CSV and XLSX files into rows of text, within {@link SpreadsheetLimits}.
 * <ul>
 * <li>CSV: UTF-8 with or without BOM; comma or semicolon, whichever the first line has more of; the first record is
 * the header; row numbers are record numbers.</li>
 * <li>XLSX (and XLSM): copied to a temporary file (the file cap applies while copying), opened with POI's
 * {@code ZipSecureFile} (zip-bomb guard on) and streamed sheet by sheet with {@code XSSFSheetXMLHandler}; the
 * uncompressed bytes of every part read are counted against the cap. The header is the first non-blank row; row
 * numbers are Excel's. Dates come out as dd/MM/yyyy (dd/MM/yyyy HH:mm with a time of day), whole numbers without decimals (phone numbers typed as
 * numbers stay whole).</li>
 * </ul>
 * Errors are {@link UserFacingException}s with keys {@code spreadsheet.unsupported-format},
 * {@code spreadsheet.unreadable}, {@code spreadsheet.too-large} (file name, MB allowed),
 * {@code spreadsheet.too-many-rows} (file name, rows allowed) and {@code spreadsheet.no-sheet} (file name, sheet).
 */
public final class SpreadsheetReader {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private SpreadsheetReader() {
    }

    /** The first sheet (the only one of a CSV), with the default limits. */
    public static Table readFirstSheet(InputStream in, String fileName) {
        return readFirstSheet(in, fileName, SpreadsheetLimits.DEFAULT);
    }

    public static Table readFirstSheet(InputStream in, String fileName, SpreadsheetLimits limits) {
        return read(in, fileName, limits, true).first();
    }

    /** Every sheet, in workbook order. */
    public static Workbook read(InputStream in, String fileName, SpreadsheetLimits limits) {
        return read(in, fileName, limits, false);
    }

    /**
     * The sheets of those names, in the order asked.
     *
     * @throws UserFacingException {@code spreadsheet.no-sheet} when one is missing
     */
    public static Workbook readSheets(InputStream in, String fileName, SpreadsheetLimits limits, List<String> names) {
        Workbook all = read(in, fileName, limits, false);
        List<Table> picked = new ArrayList<>();
        for (String name : names) {
            picked.add(all.sheet(name).orElseThrow(() -> new UserFacingException("spreadsheet.no-sheet",
                    display(fileName), name)));
        }
        return new Workbook(picked);
    }

    /** Whether the file name is one this reader takes (.csv, .txt, .xlsx, .xlsm). */
    public static boolean supports(String fileName) {
        return kind(fileName) != null;
    }

    private static String kind(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return "xlsx";
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return "csv";
        }
        return null;
    }

    private static Workbook read(InputStream in, String fileName, SpreadsheetLimits limits, boolean firstOnly) {
        String kind = kind(fileName);
        if (kind == null) {
            throw new UserFacingException("spreadsheet.unsupported-format", display(fileName));
        }
        try {
            return kind.equals("xlsx") ? xlsx(in, limits, firstOnly) : csv(in, fileName, limits);
        } catch (LimitExceeded e) {
            throw e.toUserFacing(display(fileName), limits);
        } catch (IOException e) {
            LimitExceeded limit = cause(e, LimitExceeded.class);
            if (limit != null) {
                throw limit.toUserFacing(display(fileName), limits);
            }
            if (isZipBomb(e)) {
                throw LimitExceeded.size().toUserFacing(display(fileName), limits);
            }
            throw new UserFacingException("spreadsheet.unreadable", display(fileName));
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException | SAXException | ParserConfigurationException e) {
            LimitExceeded limit = cause(e, LimitExceeded.class);
            if (limit != null) {
                throw limit.toUserFacing(display(fileName), limits);
            }
            if (isZipBomb(e)) {
                throw LimitExceeded.size().toUserFacing(display(fileName), limits);
            }
            throw new UserFacingException("spreadsheet.unreadable", display(fileName));
        }
    }

    // ---- CSV

    private static Workbook csv(InputStream raw, String fileName, SpreadsheetLimits limits) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new Capped(raw, limits.maxFileBytes()), 3);
        byte[] bom = in.readNBytes(3);
        boolean hasBom = bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB
                && (bom[2] & 0xff) == 0xBF;
        if (!hasBom) {
            in.unread(bom);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(64 * 1024);
        String first = reader.readLine();
        String sheet = baseName(fileName);
        if (first == null) {
            return new Workbook(List.of(new Table(sheet, List.of(), List.of())));
        }
        reader.reset();
        char delimiter = count(first, ';') > count(first, ',') ? ';' : ',';
        List<String> headers = null;
        List<Row> rows = new ArrayList<>();
        try (Reader r = reader) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(r)) {
                List<String> cells = rec.toList();
                if (headers == null) {
                    headers = cells;
                } else {
                    if (rows.size() >= limits.maxRows()) {
                        throw LimitExceeded.rows();
                    }
                    rows.add(new Row(sheet, (int) rec.getRecordNumber(), cells));
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return new Workbook(List.of(new Table(sheet, headers == null ? List.of() : headers, rows)));
    }

    // ---- XLSX

    private static Workbook xlsx(InputStream in, SpreadsheetLimits limits, boolean firstOnly)
            throws IOException, SAXException, ParserConfigurationException {
        Path file = Files.createTempFile("hoibot-sheet-", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                new Capped(in, limits.maxFileBytes()).transferTo(out);
            }
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return sheets(pkg, limits, firstOnly);
            } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
                throw new IOException(e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Workbook sheets(OPCPackage pkg, SpreadsheetLimits limits, boolean firstOnly)
            throws IOException, SAXException, ParserConfigurationException,
            org.apache.poi.openxml4j.exceptions.OpenXML4JException {
        long[] budget = {limits.maxUncompressedBytes()};
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings;
        var stringParts = pkg.getPartsByContentType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        if (stringParts.isEmpty()) {
            strings = new ReadOnlySharedStringsTable(InputStream.nullInputStream());
        } else {
            try (InputStream s = new Budgeted(stringParts.get(0).getInputStream(), budget)) {
                strings = new ReadOnlySharedStringsTable(s);
            }
        }
        StylesTable styles = reader.getStylesTable();
        int[] rowsLeft = {limits.maxRows()};
        List<Table> tables = new ArrayList<>();
        XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (it.hasNext()) {
            try (InputStream sheet = new Budgeted(it.next(), budget)) {
                String name = it.getSheetName();
                Collector collector = new Collector(name, rowsLeft);
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new Formatter(),
                        false));
                parser.parse(new InputSource(sheet));
                tables.add(collector.table());
            }
            if (firstOnly) {
                break;
            }
        }
        return new Workbook(tables);
    }

    /** Collects one sheet's rows, filling the gaps between cells with empty text. */
    private static final class Collector implements SheetContentsHandler {
        private final String sheet;
        private final int[] rowsLeft;
        private List<String> headers;
        private final List<Row> rows = new ArrayList<>();
        private List<String> current;

        Collector(String sheet, int[] rowsLeft) {
            this.sheet = sheet;
            this.rowsLeft = rowsLeft;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? current.size() : new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }

        @Override
        public void endRow(int rowNum) {
            if (headers == null) {
                if (current.stream().anyMatch(s -> !s.isBlank())) {
                    headers = current;
                }
                return;
            }
            if (--rowsLeft[0] < 0) {
                throw LimitExceeded.rows();
            }
            rows.add(new Row(sheet, rowNum + 1, current));
        }

        Table table() {
            return new Table(sheet, headers == null ? List.of() : headers, rows);
        }
    }

    /** Dates as dd/MM/yyyy, whole numbers without decimals or exponent, the rest as Excel shows it. */
    private static final class Formatter extends DataFormatter {
        Formatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                java.time.LocalDateTime at = DateUtil.getLocalDateTime(value, use1904);
                // a date with a time of day (an activity's start) keeps its hours and minutes
                return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().format(DAY)
                        : at.format(DAY_TIME);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    // ---- limits

    /** A limit was passed: the file, its uncompressed content, or the rows. */
    private static final class LimitExceeded extends RuntimeException {
        private final boolean rows;

        private LimitExceeded(boolean rows) {
            super(rows ? "too many rows" : "too large", null, false, false);
            this.rows = rows;
        }

        static LimitExceeded rows() {
            return new LimitExceeded(true);
        }

        static LimitExceeded size() {
            return new LimitExceeded(false);
        }

        UserFacingException toUserFacing(String file, SpreadsheetLimits limits) {
            return rows ? new UserFacingException("spreadsheet.too-many-rows", file, limits.maxRows())
                    : new UserFacingException("spreadsheet.too-large", file,
                            Math.max(1, limits.maxFileBytes() / (1024 * 1024)));
        }
    }

    /** Fails once more than {@code max} bytes have been read. */
    private static class Capped extends FilterInputStream {
        private long left;

        Capped(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                take(n);
            }
            return n;
        }

        void take(long n) {
            left -= n;
            if (left < 0) {
                throw LimitExceeded.size();
            }
        }
    }

    /** Counts uncompressed bytes of every part read against one shared budget. */
    private static final class Budgeted extends Capped {
        private final long[] budget;

        Budgeted(InputStream in, long[] budget) {
            super(in, Long.MAX_VALUE);
            this.budget = budget;
        }

        @Override
        void take(long n) {
            budget[0] -= n;
            if (budget[0] < 0) {
                throw LimitExceeded.size();
            }
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        Set<Throwable> seen = new java.util.HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String display(String fileName) {
        return fileName == null ? "" : fileName;
    }

    private static String baseName(String fileName) {
        String name = display(fileName);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
