package vn.hoibot.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.RowError;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class RosterImporterTests {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final String HEADER = "STT,Họ và tên,Số điện thoại,Năm sinh,Mã chi hội,Đảng viên,Tiên phong,Đối tượng,"
            + "Trạng thái,Ngày vào Hội,Chức vụ\n";

    @Autowired
    RosterImporter importer;
    @Autowired
    java.time.Clock clock;

    @Autowired
    OrgService org;

    @Autowired
    MemberDirectory directory;

    @Autowired
    RoleAssignments roles;

    static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger(10);

    String p;
    String k;
    UnitView branch;

    @BeforeEach
    void units() {
        p = "R" + System.nanoTime();
        k = Integer.toString(TESTS.incrementAndGet());
        UnitView commune = org.createUnit(new NewUnit(p, "Hải Vân", "commune", null, START));
        branch = org.createUnit(new NewUnit(p + "-CH01", "Chi hội xóm 1", "branch", commune.id(), START));
        org.createUnit(new NewUnit(p + "-CH02", "Chi hội xóm 2", "branch", commune.id(), START));
    }

    ImportReport importCsv(String body, boolean strict) {
        return importer.importRoster(csv(k(HEADER + body)), "hoi-vien.csv",
                new ImportOptions(strict, null));
    }

    /** Fills in this test's unit prefix and phone digits, so tests sharing a database do not meet. */
    String k(String text) {
        return text.replace("{p}", p).replace("{k}", k);
    }

    static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    String good() {
        return """
                1,Nguyễn Thị Hoa,09{k} 345 001,1980,{p}-CH01,x,,Công giáo,Đang sinh hoạt,15/03/2005,Chi hội trưởng
                2,Trần Thị Lan,+84 9{k} 345 002,1992,{p}-CH01,,có,"Phụ nữ trẻ, Công nhân",,,
                3,Lê Thị Mai,,1975,{p}-CH02,0,0,,,,
                """;
    }

    @Test
    void importsAGoodFile() {
        ImportReport report = importCsv(good(), false);

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.applied()).isTrue();
        MemberView hoa = directory.findByPhone(k("09{k}345001")).orElseThrow();
        assertThat(hoa.partyMember()).isTrue();
        assertThat(hoa.tags()).containsExactly("CONG_GIAO");
        assertThat(hoa.joinDate()).isEqualTo(LocalDate.of(2005, 3, 15));
        assertThat(hoa.unitId()).isEqualTo(branch.id());
        assertThat(roles.holders(Role.BRANCH_HEAD, branch.id())).containsExactly(hoa.id());
        MemberView lan = directory.findByPhone(k("09{k}345002")).orElseThrow();
        assertThat(lan.pioneer()).isTrue();
        assertThat(lan.tags()).containsExactlyInAnyOrder("PHU_NU_TRE", "CONG_NHAN");
        assertThat(directory.count(branch.id(), LocalDate.now(clock), false)).isEqualTo(2);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void datesALeavingByItsColumnOrTheEffectiveDate() {
        importCsv(good(), false);
        String header = "Họ và tên,Số điện thoại,Mã chi hội,Trạng thái,Ngày thôi sinh hoạt\n";
        importer.importRoster(csv(k(header + "Nguyễn Thị Hoa,09{k}345001,{p}-CH01,thôi sinh hoạt,01/09/2026\n")),
                "roster.csv", new ImportOptions(false, LocalDate.of(2026, 10, 1)));
        importer.importRoster(csv(k(header + "Trần Thị Lan,09{k}345002,{p}-CH01,đã mất,\n")), "roster.csv",
                new ImportOptions(false, LocalDate.of(2026, 10, 1)));

        long hoa = directory.findByPhone(k("09{k}345001")).orElseThrow().id();
        long lan = directory.findByPhone(k("09{k}345002")).orElseThrow().id();
        assertThat(history(hoa)).containsExactly("ACTIVE 1900-01-01", "LEFT 2026-09-01");
        assertThat(history(lan)).containsExactly("ACTIVE 1900-01-01", "DECEASED 2026-10-01");
    }

    List<String> history(long memberId) {
        return jdbc.sql("select status, since from member_status_change where member_id = ? order by since, id")
                .param(memberId).query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, LocalDate.class)).list();
    }

    @Test
    void importsSameFileTwiceWithoutChanges() {
        importCsv(good(), false);

        ImportReport again = importCsv(good(), false);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void updatesAndMovesAMemberKeyedByPhone() {
        importCsv(good(), false);

        ImportReport report = importCsv("1,Nguyễn Thị Hoa,09{k}345001,1981,{p}-CH02,x,,Công giáo,,15/03/2005,\n", false);

        assertThat(report.updated()).isEqualTo(1);
        MemberView hoa = directory.findByPhone(k("09{k}345001")).orElseThrow();
        assertThat(hoa.birthYear()).isEqualTo(1981);
        assertThat(hoa.unitId()).isNotEqualTo(branch.id());
    }

    @Test
    void reportsEveryBadRowWithItsNumberAndAppliesTheGoodOnes() {
        ImportReport report = importCsv("""
                1,Nguyễn Thị Hoa,09{k}345001,1980,{p}-CH01,x,,,,,
                2,,09{k}345002,1980,{p}-CH01,,,,,,
                3,Trần Thị Lan,012345,1980,{p}-CH01,,,,,,
                4,Lê Thị Mai,09{k}345004,19x0,{p}-CH01,,,,,,
                5,Phạm Thị Nga,09{k}345005,1980,KHONG-CO,,,,,,
                6,Vũ Thị Thu,09{k} 345 001,1980,{p}-CH01,,,,,,
                7,Đỗ Thị Hằng,09{k}345007,1980,{p}-CH01,có lẽ,,,,,
                8,Bùi Thị Yến,09{k}345008,1980,{p}-CH01,,,Ngoại tinh,,,
                9,Hồ Thị Vân,09{k}345009,1980,{p}-CH01,,,,,31/02/2001,
                10,Ngô Thị Hà,09{k}345010,1980,{p}-CH01,,,,,,Giám đốc
                """, false);

        assertThat(report.errors()).extracting(RowError::rowNumber).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(report.errors()).extracting(RowError::key).containsExactly("member.import.missing-name",
                "member.import.bad-phone", "member.import.bad-year", "member.import.unknown-unit",
                "member.import.duplicate-phone", "member.import.bad-flag", "member.import.unknown-tag",
                "member.import.bad-date", "member.import.unknown-role");
        assertThat(report.errors().get(1).args()).containsExactly("012345");
        assertThat(report.errors().get(4).args()).containsExactly(2);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.applied()).isTrue();
    }

    @Test
    void appliesNothingInStrictModeWhenARowIsBad() {
        ImportReport report = importCsv(good() + "4,Hồ Thị Vân,0912,1980,{p}-CH01,,,,,,\n", true);

        assertThat(report.applied()).isFalse();
        assertThat(report.created()).isZero();
        assertThat(report.errors()).extracting(RowError::rowNumber).containsExactly(5);
        assertThat(directory.findByPhone(k("09{k}345001"))).isEmpty();
    }

    @Test
    void readsSemicolonsAndAByteOrderMark() {
        String text = k("\uFEFFHO VA TEN;SO DIEN THOAI;MA DON VI\nNguyễn Thị Hoa;09{k}345001;{p}-CH01\n");
        ImportReport report = importer.importRoster(csv(text), "roster.csv", ImportOptions.lenient());

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(1);
    }

    @Test
    void reportsAMissingColumnOnTheHeaderRow() {
        ImportReport report = importer.importRoster(csv(k("Họ và tên,Số điện thoại\nA,09{k}345001\n")), "x.csv",
                ImportOptions.lenient());

        assertThat(report.applied()).isFalse();
        assertThat(report.errors()).extracting(RowError::rowNumber, RowError::key)
                .containsExactly(tuple(1, "member.import.missing-column"));
    }

    @Test
    void importsAnXlsxWithVietnameseHeaders() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Danh sách");
            List<String> headers = List.of("STT", "Họ và tên", "Số điện thoại", "Năm sinh", "Mã Chi Hội", "Đảng viên",
                    "Ngày vào Hội");
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(1);
            first.createCell(1).setCellValue("Nguyễn Thị Hoa");
            first.createCell(2).setCellValue(Double.parseDouble(k("9{k}345001")));
            first.createCell(3).setCellValue(1980);
            first.createCell(4).setCellValue(p + "-CH01");
            first.createCell(5).setCellValue("x");
            var date = first.createCell(6);
            date.setCellValue(LocalDate.of(2001, 10, 20));
            var style = book.createCellStyle();
            style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            Row bad = sheet.createRow(2);
            bad.createCell(1).setCellValue("Trần Thị Lan");
            bad.createCell(2).setCellValue("0123");
            bad.createCell(4).setCellValue(p + "-CH01");
            book.write(out);
        }

        ImportReport report = importer.importRoster(new ByteArrayInputStream(out.toByteArray()), "Danh sach.xlsx",
                ImportOptions.lenient());

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).extracting(RowError::rowNumber).containsExactly(3);
        MemberView hoa = directory.findByPhone(k("+849{k}345001")).orElseThrow();
        assertThat(hoa.joinDate()).isEqualTo(LocalDate.of(2001, 10, 20));
        assertThat(hoa.partyMember()).isTrue();
    }
}
