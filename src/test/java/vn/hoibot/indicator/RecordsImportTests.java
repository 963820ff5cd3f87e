package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.chat.Messages;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;
import vn.hoibot.spreadsheet.RowError;

/**
 * {@code --import-records}: the hand-built province of {@link IndicatorDataset}, its units, members and roles built
 * directly and everything else (merges and moves, activities, attendance, records, unit reports) imported from a
 * workbook, gives the same {@code --report-json} as the province built directly. Shares the context of
 * {@link IndicatorEngineTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
@Import(IndicatorEngineTests.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordsImportTests {

    @Autowired
    IndicatorEngine engine;
    @Autowired
    ReportPeriods periods;
    @Autowired
    IndicatorEngineTests.FakeCoverage coverage;
    @Autowired
    OrgService org;
    @Autowired
    Restructuring restructuring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorRecords records;
    @Autowired
    Messages messages;
    @Autowired
    RecordsImporter importer;
    @Autowired
    ImportReports reports;

    @TempDir
    Path dir;

    String run = "R" + System.nanoTime() % 100000;
    IndicatorDataset direct;
    IndicatorDataset imported;
    Map<String, List<List<String>>> sheets;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final int[] exit = {-1};

    @BeforeAll
    void bothProvinces() {
        direct = new IndicatorDataset(run + "D-", org, restructuring, jdbc, records, periods).build();
        imported = new IndicatorDataset(run + "I-", org, restructuring, jdbc, records, periods);
        sheets = imported.buildAsSheets();
    }

    private RecordsImportCommand command() {
        return new RecordsImportCommand(importer, reports, new PrintStream(printed, true, StandardCharsets.UTF_8),
                code -> exit[0] = code);
    }

    private String json(IndicatorDataset data, String prefix, String period) throws Exception {
        coverage.dataset = data;
        Path file = dir.resolve(prefix + period + ".json");
        ReportJsonCommand report = new ReportJsonCommand(engine, periods, org, messages,
                new PrintStream(OutputStream.nullOutputStream()), code -> { });
        report.run(new DefaultApplicationArguments("--report-json=" + file, "--unit=" + prefix + "PROV",
                "--period=" + period));
        return Files.readString(file).replace(prefix, "");
    }

    private Path workbook(String name, Map<String, List<List<String>>> content) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (var sheet : content.entrySet()) {
                var s = book.createSheet(sheet.getKey());
                List<String> headers = importer.headers(sheet.getKey());
                var header = s.createRow(0);
                for (int i = 0; i < headers.size(); i++) {
                    header.createCell(i).setCellValue(headers.get(i).toUpperCase()); // case and accents folded when read
                }
                int r = 1;
                for (List<String> cells : sheet.getValue()) {
                    var row = s.createRow(r++);
                    for (int i = 0; i < cells.size(); i++) {
                        row.createCell(i).setCellValue(cells.get(i));
                    }
                }
            }
            book.write(out);
        }
        return file;
    }

    private Path csv(String sheet, String... lines) throws Exception {
        Path file = dir.resolve(sheet + ".csv");
        Files.writeString(file, String.join(",", importer.headers(sheet)) + "\n" + String.join("\n", lines)
                + "\n");
        return file;
    }

    @Test
    void theImportedProvinceGivesTheSameReportJsonAndImportingAgainChangesNothing() throws Exception {
        Path book = workbook("so_lieu.xlsx", sheets);
        command().run(new DefaultApplicationArguments("--import-records=" + book));
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Nhập số liệu chỉ tiêu: thêm mới").contains("dòng lỗi 0.");
        assertThat(exit[0]).isZero();
        for (String period : List.of("6t-2026", "nam-2026", "3-2026", "6t2-2025")) {
            assertThat(json(imported, run + "I-", period)).as(period).isEqualTo(json(direct, run + "D-", period));
        }

        ImportReport again = command().run(List.of(book.toString()), ImportOptions.lenient());
        assertThat(again.created() + again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(sheets.values().stream().mapToInt(List::size).sum());
        assertThat(json(imported, run + "I-", "6t-2026")).isEqualTo(json(direct, run + "D-", "6t-2026"));
    }

    @Test
    void reportsEveryBadRowBySheetAndRowAppliesTheGoodOnesOrNothingWhenStrict() throws Exception {
        String unit = run + "-LONE"; // a commune of its own: the provinces above stay as they are
        org.createUnit(new vn.hoibot.org.NewUnit(unit, "Xã Riêng", "commune", null, java.time.LocalDate.of(2020, 1, 1)));
        String phone = jdbc.sql("select phone from member where id = ?").param(direct.members.get("a1m1"))
                .query(String.class).single();
        Path proposals = csv("tham_muu", unit + ",2/2/2026,Nông thôn mới", "NOPE,2/2/2026,Nông thôn mới",
                unit + ",31/2/2026,Nông thôn mới");
        Path allowances = csv("phu_cap", phone + ",1/3/2026,1/2/2026", "0912,1/3/2026,"); // both bad: nothing moves
        Path activities = csv("hoat_dong", run + "-H1," + unit + ",Họp,sinh hoat,5/2/2026 19:30,,,đã hoãn");
        Path marks = csv("diem_danh", run + "-H9," + phone + ",x");
        String files = String.join(",", proposals.toString(), allowances.toString(), activities.toString(),
                marks.toString());
        long before = count("ind_proposal");

        command().run(new DefaultApplicationArguments("--import-records=" + files, "--strict"));
        assertThat(exit[0]).isEqualTo(1);
        assertThat(count("ind_proposal")).isEqualTo(before);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Không ghi gì vào cơ sở dữ liệu vì có lỗi.");

        ImportReport report = command().run(List.of(files.split(",")), ImportOptions.lenient());
        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).extracting(RowError::sheet, RowError::rowNumber, RowError::key).containsExactly(
                tuple("hoat_dong", 2, "indicator.import.bad-status"),
                tuple("diem_danh", 2, "indicator.import.unknown-activity"),
                tuple("phu_cap", 2, "indicator.record.dates-out-of-order"),
                tuple("phu_cap", 3, "member.import.bad-phone"),
                tuple("tham_muu", 3, "member.import.unknown-unit"),
                tuple("tham_muu", 4, "indicator.import.bad-date"));
        assertThat(count("ind_proposal")).isEqualTo(before + 1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("Trang tham_muu, dòng 4: Ngày không hợp lệ: \"31/2/2026\". Chị ghi ngày/tháng/năm, ví dụ 15/3/2026")
                .contains("Trang hoat_dong, dòng 2: Trạng thái \"đã hoãn\" không đúng.");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

}
