package vn.hoibot.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import vn.hoibot.chat.UserFacingException;

class SpreadsheetReaderTests {

    @Test
    void readsEverySheetByNameWithExcelRowNumbersDatesAndWholeNumbers() throws IOException {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet activities = book.createSheet("hoat_dong");
            activities.createRow(0).createCell(0).setCellValue("Mã");
            activities.getRow(0).createCell(1).setCellValue("Ngày");
            var row = activities.createRow(2); // row 3 in Excel, row 2 left empty
            row.createCell(0).setCellValue("HD-1");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("d/m/yyyy"));
            row.createCell(1).setCellValue(LocalDate.of(2026, 3, 15));
            row.getCell(1).setCellStyle(date);
            XSSFSheet attendance = book.createSheet("diem_danh");
            attendance.createRow(1).createCell(0).setCellValue("Số điện thoại"); // header on row 2
            var a = attendance.createRow(2);
            a.createCell(0).setCellValue(912345678d);
            a.createCell(3).setCellValue("x"); // cells 1 and 2 missing
            a.createCell(4).setCellValue(1.5);
            book.write(out);
            file = out.toByteArray();
        }

        Workbook workbook = SpreadsheetReader.read(in(file), "ghi-nhan.xlsx", SpreadsheetLimits.DEFAULT);

        assertThat(workbook.sheetNames()).containsExactly("hoat_dong", "diem_danh");
        Table activities = workbook.sheet("hoat_dong").orElseThrow();
        assertThat(activities.headers()).containsExactly("Mã", "Ngày");
        assertThat(activities.rows()).singleElement().satisfies(r -> {
            assertThat(r.sheet()).isEqualTo("hoat_dong");
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.cells()).containsExactly("HD-1", "15/03/2026");
        });
        Table attendance = workbook.sheet("DIEM_DANH").orElseThrow();
        assertThat(attendance.column(h -> h.startsWith("Số"))).isZero();
        assertThat(attendance.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.cells()).containsExactly("912345678", "", "", "x", "1.5");
            assertThat(r.cell(1)).isEmpty();
            assertThat(r.cell(9)).isEmpty();
        });
        assertThat(SpreadsheetReader.readFirstSheet(in(file), "a.xlsx").sheet()).isEqualTo("hoat_dong");
        assertThat(SpreadsheetReader.readSheets(in(file), "a.xlsx", SpreadsheetLimits.DEFAULT,
                List.of("diem_danh")).sheetNames()).containsExactly("diem_danh");
        assertThatThrownBy(() -> SpreadsheetReader.readSheets(in(file), "a.xlsx", SpreadsheetLimits.DEFAULT,
                List.of("settings")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("spreadsheet.no-sheet");
                    assertThat(e.args()).containsExactly("a.xlsx", "settings");
                });
    }

    @Test
    void readsCsvWithOrWithoutBomCommaOrSemicolonAndQuotedLineBreaks() {
        String text = "Họ và tên;Ghi chú\r\nNguyễn Thị A;\"dòng 1\ndòng 2; vẫn một ô\"\r\n";
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        for (byte[] file : List.of(bom, text.getBytes(StandardCharsets.UTF_8))) {
            Table table = SpreadsheetReader.readFirstSheet(in(file), "danh-sach.csv");
            assertThat(table.sheet()).isEqualTo("danh-sach");
            assertThat(table.headers()).containsExactly("Họ và tên", "Ghi chú");
            assertThat(table.rows()).singleElement().satisfies(r -> {
                assertThat(r.number()).isEqualTo(2);
                assertThat(r.cells()).containsExactly("Nguyễn Thị A", "dòng 1\ndòng 2; vẫn một ô");
            });
        }
    }

    @Test
    void refusesMoreRowsThanTheCapInCsvAndXlsx() throws IOException {
        SpreadsheetLimits five = SpreadsheetLimits.DEFAULT.withMaxRows(5);
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 0; i < 6; i++) {
            csv.append(i).append('\n');
        }
        assertThat(SpreadsheetReader.readFirstSheet(in(csv.toString().replace("5\n", "")), "x.csv", five).rows())
                .hasSize(5);
        assertRefused(() -> SpreadsheetReader.readFirstSheet(in(csv.toString()), "x.csv", five),
                "spreadsheet.too-many-rows", "x.csv", 5);

        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : List.of("one", "two")) { // the cap counts the rows of all sheets
                XSSFSheet sheet = book.createSheet(name);
                for (int r = 0; r < 4; r++) {
                    sheet.createRow(r).createCell(0).setCellValue("v" + r);
                }
            }
            book.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(SpreadsheetReader.read(in(xlsx), "x.xlsx", SpreadsheetLimits.DEFAULT.withMaxRows(6)).sheets())
                .hasSize(2);
        assertRefused(() -> SpreadsheetReader.read(in(xlsx), "x.xlsx", five), "spreadsheet.too-many-rows", "x.xlsx",
                5);
    }

    @Test
    void refusesAZipBombCleanlyWithThePoliteMessage() throws IOException {
        assertThat(ZipSecureFile.getMinInflateRatio()).as("POI's zip-bomb guard is on").isGreaterThan(0);
        // about 200 MB of sheet XML that deflates to a few hundred KB
        byte[] bomb = withSheet(smallWorkbook(), out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

        assertRefused(() -> SpreadsheetReader.read(in(bomb), "bom.xlsx", SpreadsheetLimits.DEFAULT),
                "spreadsheet.too-large", "bom.xlsx", 10L);
    }

    @Test
    void refusesContentLargerThanTheUncompressedCapEvenBelowTheZipBombRatio() throws IOException {
        byte[] big = withSheet(smallWorkbook(), out -> {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
            java.util.Random random = new java.util.Random(7);
            for (int r = 1; r <= 40_000; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>" + random.nextLong()
                        + "</t></is></c></row>").getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        SpreadsheetLimits oneMegabyte = SpreadsheetLimits.DEFAULT.withMaxUncompressedBytes(1024 * 1024);

        assertThat(SpreadsheetReader.read(in(big), "lon.xlsx", SpreadsheetLimits.DEFAULT).first().rows())
                .hasSize(39_999);
        assertRefused(() -> SpreadsheetReader.read(in(big), "lon.xlsx", oneMegabyte), "spreadsheet.too-large",
                "lon.xlsx", 10L);
    }

    @Test
    void refusesFilesOverTheFileCapUnknownFormatsAndGarbage() {
        SpreadsheetLimits tiny = new SpreadsheetLimits(100, 1000, 10);
        assertRefused(() -> SpreadsheetReader.readFirstSheet(in("a\n" + "x".repeat(200)), "a.csv", tiny),
                "spreadsheet.too-large", "a.csv", 1L);
        assertRefused(() -> SpreadsheetReader.readFirstSheet(in("x"), "a.pdf"), "spreadsheet.unsupported-format",
                "a.pdf");
        assertRefused(() -> SpreadsheetReader.readFirstSheet(in("not a zip at all"), "a.xlsx"),
                "spreadsheet.unreadable", "a.xlsx");
        assertThat(SpreadsheetReader.supports("A.XLSX")).isTrue();
        assertThat(SpreadsheetReader.supports("a.xls")).isFalse();
    }

    private static void assertRefused(Runnable read, String key, Object... args) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.args()).containsExactly(args);
        });
    }

    private static byte[] smallWorkbook() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("a");
            book.write(out);
            return out.toByteArray();
        }
    }

    interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** The same zip with the first sheet's XML replaced. */
    private static byte[] withSheet(byte[] xlsx, Content sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zout = new ZipOutputStream(bytes)) {
            zout.setLevel(9);
            for (ZipEntry e; (e = zin.getNextEntry()) != null;) {
                zout.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.writeTo(zout);
                } else {
                    zin.transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static InputStream in(String text) {
        return in(text.getBytes(StandardCharsets.UTF_8));
    }
}
