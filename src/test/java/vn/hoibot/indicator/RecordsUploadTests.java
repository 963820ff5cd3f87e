package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;


import vn.hoibot.EndToEndTest;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * An admin sends the books of {@code --import-records} to the bot as a workbook: imported, the report comes back
 * with the bad rows by sheet and row; the same file again changes nothing.
 */
class RecordsUploadTests extends EndToEndTest {

    @Autowired
    OrgService org;
    @Autowired
    JdbcClient jdbc;

    private static byte[] workbook(String unit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("tham_muu");
            String[][] rows = {{"Mã đơn vị", "Ngày", "Chương trình"}, {unit, "10/03/2026", "Nông thôn mới"},
                {unit, "hôm qua", "Giảm nghèo bền vững"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.createSheet("ghi_chu").createRow(0).createCell(0).setCellValue("Sổ của tỉnh");
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void importsTheBooksAnAdminSendsAndReportsBadRowsBySheetAndRow() throws Exception {
        String code = "UPR" + System.nanoTime() % 100000;
        UnitView commune = org.createUnit(new NewUnit(code, "Xã Thử Sổ", "commune", null, LocalDate.of(2020, 1, 1)));
        byte[] file = workbook(code);
        int before = sentCount(ADMIN_USER);
        sendDocument(ADMIN_USER, code + "a", "so_sach.xlsx", null, file);
        String text = telegram.awaitMessage(token, ADMIN_USER, before + 1).path("text").asText();
        assertThat(text).contains("KẾT QUẢ NHẬP SỐ LIỆU CHỈ TIÊU")
                .contains("thêm mới 1, cập nhật 0, không đổi 0, dòng lỗi 1.")
                .contains("Trang tham_muu, dòng 3: Ngày không hợp lệ: \"hôm qua\"");
        assertThat(proposals(commune.id())).isEqualTo(1);

        sendDocument(ADMIN_USER, code + "b", "so_sach.xlsx", null, file);
        assertThat(telegram.awaitMessage(token, ADMIN_USER, before + 2).path("text").asText())
                .contains("thêm mới 0, cập nhật 0, không đổi 1, dòng lỗi 1.");
        assertThat(proposals(commune.id())).isEqualTo(1);
    }

    private long proposals(long unitId) {
        return jdbc.sql("select count(*) from ind_proposal where unit_id = ?").param(unitId).query(Long.class).single();
    }
}
