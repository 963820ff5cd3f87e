package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;

/**
 * /baocao over Telegram and --report-xlsx: the workbook sent is read back from the recorded multipart request and
 * opened with POI; the known answers are those of the indicator tests' hand-built province.
 */
class WorkbookEndToEndTests extends ReportEndToEndTest {

    @Autowired
    ReportXlsxCommand cli;

    @Test
    void sendsTheProvinceWorkbookWithNumbersPercentagesAndFrozenHeaders() throws IOException {
        try (XSSFWorkbook book = ask(cadre, "/baocao tinh 6t-2026", "Báo cáo chỉ tiêu của Tỉnh Thử, kỳ 6t-2026: 4 cơ sở Hội, 2 cơ sở chưa nộp")) {
            assertThat(sheetNames(book)).containsExactly("Tổng hợp", "1+1 (I1)", "3 có 3 biết (I2)",
                    "Mô hình, tham mưu (I3, I6)", "Chi hội trưởng (I4, I7)", "Kiến thức 8-3, 20-10 (I5)",
                    "Chưa báo cáo", "Cảnh báo số liệu");
            Sheet summary = book.getSheet("Tổng hợp");
            assertThat(text(summary, 0, 0)).isEqualTo("HỘI LIÊN HIỆP PHỤ NỮ: Tỉnh Thử");
            assertThat(text(summary, 1, 0)).startsWith("BÁO CÁO SƠ KẾT 6 THÁNG");
            assertThat(text(summary, 2, 0)).isEqualTo("Kỳ báo cáo: 6t-2026, từ ngày 01/01/2026 đến ngày 30/06/2026");
            assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 6);
            assertThat(text(summary, 5, 2)).isEqualTo("Chỉ tiêu");
            assertThat(summary.getColumnWidth(2)).isEqualTo(52 * 256);
            Row i1 = summary.getRow(6);
            assertThat(text(summary, 6, 1)).isEqualTo("I1");
            assertThat(i1.getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(i1.getCell(4).getNumericCellValue()).isEqualTo(4);
            assertThat(i1.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(i1.getCell(5).getNumericCellValue()).isEqualTo(0.5);
            assertThat(i1.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(new DataFormatter().formatCellValue(i1.getCell(5))).isEqualTo("50.0%");
            assertThat(i1.getCell(6).getNumericCellValue()).isEqualTo(1.0);
            assertThat(text(summary, 6, 7)).isEqualTo("Chưa đạt");
            assertThat(i1.getCell(8).getNumericCellValue()).as("declaring 1+1: Xã Cát Hải").isEqualTo(1);
            assertThat(i1.getCell(9).getNumericCellValue()).as("flagged: Xã Cát Hải").isEqualTo(1);
            Row i4 = row(summary, "I4");
            assertThat(text(summary, i4.getRowNum(), 7)).isEqualTo("Đạt");
            Row i5 = row(summary, "I5");
            assertThat(i5.getCell(5).getNumericCellValue()).as("a count for a half-year").isEqualTo(2);
            assertThat(i5.getCell(4)).isNull();

            Sheet notReported = book.getSheet("Chưa báo cáo");
            assertThat(text(notReported, 0, 0)).isEqualTo("Cơ sở Hội chưa nộp báo cáo kỳ 6t-2026: 2 trên 4 cơ sở");
            assertThat(List.of(text(notReported, 2, 2), text(notReported, 3, 2)))
                    .containsExactly("Xã Đông Hải", "Xã Hải Vân");
            assertThat(text(notReported, 3, 3)).isEqualTo("01/07/2025 – 31/12/2025");
            Sheet flags = book.getSheet("Cảnh báo số liệu");
            assertThat(flags.getLastRowNum()).isEqualTo(3); // title, header, Xã Cát Hải's I1 and I2
            assertThat(text(flags, 2, 2)).isEqualTo("Xã Cát Hải");
            Sheet three = book.getSheet("3 có 3 biết (I2)");
            assertThat(three.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
            assertThat(three.getLastRowNum()).isEqualTo(4 + 4); // four title lines, header, four commune units
            List<String> people = new ArrayList<>();
            for (long member : data.members.values()) {
                people.addAll(jdbc.sql("select full_name, phone from member where id = ?").param(member)
                        .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single());
            }
            assertThat(people).hasSizeGreaterThan(20);
            List<String> texts = allText(book);
            assertThat(people).noneMatch(p -> texts.stream().anyMatch(t -> t.contains(p)
                    || t.contains(p.replace("+84", "0"))));
        }
    }

    @Test
    void writesTheSameWorkbookFromTheCommandLine() throws IOException {
        Path file = Files.createTempFile("bao-cao", ".xlsx");
        assertThat(cli.write(file, prefix + "PROV", "6t-2026")).isTrue();
        try (XSSFWorkbook fromCli = new XSSFWorkbook(Files.newInputStream(file));
                XSSFWorkbook fromBot = ask(cadre, "/baocao tinh 6t-2026", "Tỉnh Thử")) {
            assertThat(cells(fromCli)).isEqualTo(cells(fromBot)).isNotEmpty();
        }
        assertThat(cli.write(file, "KHONG-CO", "6t-2026")).isFalse();
        assertThat(cli.write(file, prefix + "PROV", "13-2026")).isFalse();
    }

    @Test
    void namesTheSameUnitsNotReportedInThongkeChuabaocaoAndTheWorkbook() throws IOException {
        // Xã Hải Vân's last report is for 6t2-2025: for 6t-2026 it has not reported, wherever a cadre looks
        String stats = ask(cadre, "/thongke tinh 6t-2026").path("text").asText();
        assertThat(stats).contains("Chưa báo cáo (2): Xã Đông Hải, Xã Hải Vân")
                .contains("• Cơ sở đã nộp báo cáo kỳ này: ▓▓▓▓▓░░░░░ 50% (2/4)");
        String push = ask(cadre, "/chuabaocao tinh 6t-2026").path("text").asText();
        assertThat(push).contains("Cơ sở Hội chưa nộp báo cáo kỳ 6t-2026: 2 trên 4 cơ sở.")
                .contains("• Xã Đông Hải —").contains("• Xã Hải Vân —");
        try (XSSFWorkbook book = ask(cadre, "/baocao tinh 6t-2026", "2 cơ sở chưa nộp")) {
            Sheet notReported = book.getSheet("Chưa báo cáo");
            assertThat(List.of(text(notReported, 2, 2), text(notReported, 3, 2)))
                    .containsExactly("Xã Đông Hải", "Xã Hải Vân");
        }
        // a period that is not a reporting period: "not reported" is having no report at all up to its end
        String quarter = ask(cadre, "/thongke tinh q2-2026").path("text").asText();
        assertThat(quarter).contains("Chưa báo cáo (1): Xã Đông Hải");
        assertThat(ask(cadre, "/chuabaocao tinh q2-2026").path("text").asText())
                .contains("Cơ sở Hội chưa nộp báo cáo kỳ q2-2026: 1 trên 4 cơ sở.");
    }

    @Test
    void offersTheChartTheWorkbookAndTheUnitsBehindAsButtonsUnderThongke() throws IOException {
        JsonNode stats = ask(cadre, "/thongke tinh 6t-2026");
        assertThat(stats.path("text").asText()).startsWith("📊 Chỉ tiêu của Tỉnh Thử, kỳ 6t-2026");

        int photos = telegram.files(token, cadre, "sendphoto", "photo").size();
        JsonNode chart = press(cadre, stats, "📈 Xem biểu đồ", 950);
        assertThat(chart.path("caption").asText()).startsWith("📊 Kết quả so với mục tiêu: Tỉnh Thử, kỳ 6t-2026.");
        assertThat(telegram.files(token, cadre, "sendphoto", "photo")).hasSize(photos + 1);

        int documents = telegram.files(token, cadre, "senddocument", "document").size();
        JsonNode sent = press(cadre, stats, "📄 Tải báo cáo Excel", 950);
        assertThat(sent.path("caption").asText())
                .startsWith("📎 Báo cáo chỉ tiêu của Tỉnh Thử, kỳ 6t-2026: 4 cơ sở Hội, 2 cơ sở chưa nộp báo cáo");
        List<byte[]> files = telegram.files(token, cadre, "senddocument", "document");
        assertThat(files).hasSize(documents + 1);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(files.get(documents)))) {
            assertThat(text(book.getSheet("Tổng hợp"), 0, 0)).isEqualTo("HỘI LIÊN HIỆP PHỤ NỮ: Tỉnh Thử");
        }

        assertThat(press(cadre, stats, "🔔 Đơn vị cần nhắc", 950).path("text").asText())
                .startsWith("📋 Đơn vị cần nhắc của Tỉnh Thử")
                .contains("Cơ sở Hội chưa nộp báo cáo kỳ 6t-2026: 2 trên 4 cơ sở.");

        // the chair's buttons are for her own commune unit
        JsonNode own = ask(chair, "/thongke 6t-2026");
        assertThat(press(chair, own, "🔔 Đơn vị cần nhắc", 951).path("text").asText())
                .startsWith("📋 Đơn vị cần nhắc của Xã Cát Hải");
    }

    private JsonNode press(long user, JsonNode message, String label, int messageId) {
        int before = sentCount(user);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), messageId));
        return after(user, before, 1).get(0);
    }

    @Test
    void keepsTheChairInsideHerOwnSubtree() throws IOException {
        assertThat(ask(chair, "/baocao An Bình 6t-2026").path("text").asText())
                .startsWith("Em không tìm thấy đơn vị \"An Bình\" trong phạm vi của chị.");
        try (XSSFWorkbook own = ask(chair, "/baocao 6t-2026", "Xã Cát Hải, kỳ 6t-2026: 1 cơ sở Hội")) {
            assertThat(own.getSheet("1+1 (I1)").getLastRowNum()).isEqualTo(5);
        }
        assertThat(ask(newUserId(), "/baocao").path("text").asText()).startsWith("Lệnh này dành cho");
    }

    private XSSFWorkbook ask(long user, String command, String captionPart) throws IOException {
        int before = telegram.files(token, user, "senddocument", "document").size();
        JsonNode sent = ask(user, command);
        assertThat(sent.path("caption").asText()).contains(captionPart);
        List<byte[]> files = telegram.files(token, user, "senddocument", "document");
        assertThat(files).hasSize(before + 1);
        return new XSSFWorkbook(new ByteArrayInputStream(files.get(before)));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static String text(Sheet sheet, int row, int col) {
        Cell cell = sheet.getRow(row).getCell(col);
        return cell == null ? null : cell.getStringCellValue();
    }

    private static Row row(Sheet sheet, String id) {
        for (Row r : sheet) {
            Cell c = r.getCell(1);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no row " + id);
    }

    private static List<String> allText(XSSFWorkbook book) {
        List<String> out = new ArrayList<>();
        book.forEach(s -> s.forEach(r -> r.forEach(c -> {
            if (c.getCellType() == CellType.STRING) {
                out.add(c.getStringCellValue());
            }
        })));
        return out;
    }

    /** Every cell as sheet!row:col=type:value:format, the content two workbooks must share. */
    private static List<String> cells(XSSFWorkbook book) {
        List<String> out = new ArrayList<>();
        book.forEach(s -> s.forEach(r -> r.forEach(c -> out.add(s.getSheetName() + "!" + r.getRowNum() + ":"
                + c.getColumnIndex() + "=" + c.getCellType() + ":" + (c.getCellType() == CellType.NUMERIC
                        ? String.valueOf(c.getNumericCellValue()) : c.getStringCellValue())
                + ":" + c.getCellStyle().getDataFormatString()))));
        return out;
    }
}
