package vn.hoibot.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetWriterTests {

    static final String FORMULA = "=HYPERLINK(\"http://x.example\",\"Mở\")";

    @Test
    void neutralisesEveryFormulaStartAndLeavesOrdinaryTextAlone() {
        for (String bad : List.of("=1+1", "+84912345678", "-2+3", "@SUM(A1)", "\tcmd", "\r=1")) {
            assertThat(SpreadsheetWriter.neutralise(bad)).isEqualTo("'" + bad);
        }
        for (String fine : List.of("Nguyễn Thị Hoa", "0912 345 678", "a=b", "", "'quoted")) {
            assertThat(SpreadsheetWriter.neutralise(fine)).isEqualTo(fine);
        }
        assertThat(SpreadsheetWriter.neutralise(null)).isEmpty();
    }

    @Test
    void writesCsvWithBomQuotingAndInertFormulas() {
        byte[] csv = SpreadsheetWriter.csv(List.of("Mã", "Họ và tên", "Ghi chú"), List.of(
                Arrays.asList(7L, FORMULA, "dòng 1\ndòng 2\r\ndòng 3"),
                Arrays.asList(-3, "Lê, Thị \"An\"", null),
                List.of(8, "@admin", LocalDate.of(2026, 3, 8))));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFFMã,Họ và tên,Ghi chú\r\n"
                + "7,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Mở\"\")\",\"dòng 1\ndòng 2\r\ndòng 3\"\r\n"
                + "-3,\"Lê, Thị \"\"An\"\"\",\r\n"
                + "8,'@admin,08/03/2026\r\n");
    }

    @Test
    void csvReadsBackThroughTheReaderCellForCell() {
        byte[] csv = SpreadsheetWriter.csv(List.of("a", "b"), List.<List<?>>of(List.of("x,y", "1\n2\n3")));
        Table table = SpreadsheetReader.readFirstSheet(new ByteArrayInputStream(csv), "t.csv");
        assertThat(table.headers()).containsExactly("a", "b");
        assertThat(table.rows().get(0).cells()).containsExactly("x,y", "1\n2\n3");
    }

    @Test
    void writesXlsxWithNumbersAsNumbersAndFormulasAsInertText() throws IOException {
        byte[] xlsx = SpreadsheetWriter.xlsx(List.of(
                new SpreadsheetWriter.Sheet("hoat_dong", List.of("Tên", "Số người"),
                        List.of(List.of(FORMULA, 42), List.of("-1", 2.5))),
                new SpreadsheetWriter.Sheet("hoat_dong", List.of("=bad header"), List.of())));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetName(1)).isEqualTo("hoat_dong (2)");
            var sheet = book.getSheet("hoat_dong");
            var first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("'" + FORMULA);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(42);
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-1");
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.5);
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("'=bad header");
            book.forEach(s -> s.forEach(r -> r.forEach(c -> assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void streamsLargeXlsxExports() throws IOException {
        List<List<?>> rows = new java.util.AbstractList<>() {
            @Override
            public List<?> get(int i) {
                return List.of(i, "Hội viên " + i);
            }

            @Override
            public int size() {
                return 50_000;
            }
        };
        byte[] xlsx = SpreadsheetWriter.xlsx(List.of(new SpreadsheetWriter.Sheet("ds", List.of("n", "ten"), rows)));
        Table back = SpreadsheetReader.readFirstSheet(new ByteArrayInputStream(xlsx), "ds.xlsx");
        assertThat(back.rows()).hasSize(50_000);
        assertThat(back.rows().get(49_999).cells()).containsExactly("49999", "Hội viên 49999");
    }

    @Test
    void writesTitleLinesFrozenHeadersWidthsAndPercentages() throws IOException {
        byte[] xlsx = SpreadsheetWriter.xlsx(List.of(new SpreadsheetWriter.Sheet("Tổng hợp",
                List.of("BÁO CÁO", "=kỳ 6t-2026"), List.of("Chỉ tiêu", "Tỉ lệ"), List.of(40, 12),
                List.of(List.of("I1", new SpreadsheetWriter.Percent(0.25)))),
                new SpreadsheetWriter.Sheet("Khác", List.of("A"), List.of(List.of(1L)))));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("BÁO CÁO");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=kỳ 6t-2026");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Tỉ lệ");
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(40 * 256);
            var percent = sheet.getRow(3).getCell(1);
            assertThat(percent.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(percent.getNumericCellValue()).isEqualTo(0.25);
            assertThat(percent.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(book.getSheetAt(1).getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        }
    }
}
