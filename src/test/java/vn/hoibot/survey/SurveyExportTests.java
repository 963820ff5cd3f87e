package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.access.Role;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.UnitView;
import vn.hoibot.survey.ResponseStore.Source;

/**
 * Exports through the bot, opened with POI and read cell by cell: the KoBo layout (a column per question, 0/1 per
 * select_multiple choice, meta columns), names only for the leaders of her own branch and commune, a sensitive
 * survey's responses only for the branch head and commune chair, aggregates only with small cells suppressed for a
 * provincial cadre, nothing for the head of a branch elsewhere, formula injection escaped, every export logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyExportTests extends SurveyChatTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    RunStore runs;
    @Autowired
    ResponseStore responses;
    @Autowired
    DefinitionStore definitions;
    @Autowired
    SurveyCatalog catalog;

    UnitView b1;
    UnitView b2;
    long head;
    long headId;
    long chair;
    long cadre;
    long provincialVice;
    long otherHead;
    long needsRun;
    long circumstancesRun;
    final List<MemberView> members = new ArrayList<>();

    @BeforeAll
    void roster() {
        String p = "SX" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Thử " + p, "province", null, from));
        UnitView commune = org.createUnit(new NewUnit(p + "-HV", "Xã Hải Vân " + p, "commune", province.id(), from));
        b1 = org.createUnit(new NewUnit(p + "-CH1", "Chi hội xóm Đông " + p, "branch", commune.id(), from));
        b2 = org.createUnit(new NewUnit(p + "-CH2", "Chi hội xóm Tây " + p, "branch", commune.id(), from));
        UnitView elsewhere = org.createUnit(new NewUnit(p + "-HL", "Xã Hải Lý " + p, "commune", province.id(), from));
        UnitView b3 = org.createUnit(new NewUnit(p + "-HL1", "Chi hội xóm Bắc " + p, "branch", elsewhere.id(), from));
        MemberView headView = leader("Phạm Thị Hằng", b1, Role.BRANCH_HEAD, b1);
        headId = headView.id();
        head = link(headView);
        chair = link(leader("Trần Thị Mai", b2, Role.UNIT_CHAIR, commune));
        cadre = link(leader("Đỗ Thị Cúc", b3, Role.PROVINCIAL_CADRE, province));
        provincialVice = link(leader("Lý Thị Nga", b3, Role.UNIT_VICE_CHAIR, province));
        otherHead = link(leader("Vũ Thị Hoa", b3, Role.BRANCH_HEAD, b3));
        List<RunStore.Invitee> invitees = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // 0-5 in B1, 6-9 in B2 (9 never sends)
            UnitView unit = i < 6 ? b1 : b2;
            MemberView m = member("Hội viên " + i + " " + p, unit);
            members.add(m);
            invitees.add(new RunStore.Invitee(m.id(), unit.id()));
        }
        Instant now = appClock.instant();
        needsRun = run("nhu_cau_hoi_vien", commune, invitees, now);
        for (int i = 0; i < 10; i++) {
            long r = responses.start(needsRun, members.get(i).id(), i == 7 ? Source.LEADER : Source.SELF,
                    i == 7 ? headId : null, null, now).id();
            responses.answer(r, "can_ho_tro", i >= 6 ? "so_hoa" : i % 2 == 0 ? "viec_lam vay_von" : "suc_khoe",
                    null, now);
            if (i == 9) {
                continue; // in progress: not in the export
            }
            responses.answer(r, "so_buoi", Integer.toString(i < 6 ? i : 2), null, now);
            responses.answer(r, "can_them", i == 0 ? "=HYPERLINK(\"http://x\")" : "", null, now);
            responses.finish(r, now);
        }
        circumstancesRun = run("hoan_canh_hoi_vien", commune, invitees, now);
        for (int i : new int[] { 0, 1, 6 }) {
            long r = responses.start(circumstancesRun, members.get(i).id(), Source.SELF, null, now, now).id();
            responses.answer(r, "so_nguoi", "4", null, now);
            responses.finish(r, now);
        }
    }

    private MemberView leader(String name, UnitView own, Role role, UnitView on) {
        MemberView m = member(name, own);
        roles.assign(m.id(), role, on.id());
        return m;
    }

    private long run(String formId, UnitView unit, List<RunStore.Invitee> invitees, Instant now) {
        long definition = definitions.store(catalog.form(formId).orElseThrow(), catalog.raw(formId));
        return runs.create(definition, catalog.form(formId).orElseThrow().kind(), unit.id(), unit.name(),
                "u:" + unit.id(), headId, null, now.minusSeconds(60), now.plus(Duration.ofDays(7)), invitees, now);
    }

    /** Types the command and returns the file the bot sends with its caption. */
    private byte[] export(long user, String command, String caption) {
        int before = telegram.files(token, user, "senddocument", "document").size();
        JsonNode sent = type(user, command, caption);
        assertThat(sent.path("caption").asText()).contains(caption);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> telegram.files(token, user, "senddocument", "document").size() > before);
        return telegram.files(token, user, "senddocument", "document").get(before);
    }

    private static XSSFWorkbook open(byte[] file) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each data row of the sheet as header → cell text (numbers as POI gives them). */
    private static List<Map<String, String>> table(Sheet sheet, int headerRow) {
        Row header = sheet.getRow(headerRow);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                var cell = sheet.getRow(r).getCell(c);
                row.put(header.getCell(c).getStringCellValue(), cell == null ? ""
                        : cell.getCellType() == CellType.NUMERIC
                                ? String.valueOf(cell.getNumericCellValue()) : cell.getStringCellValue());
            }
            rows.add(row);
        }
        return rows;
    }

    private int exports(long run) {
        return jdbc.queryForObject("select count(*) from survey_export where run_id = ?", Integer.class, run);
    }

    @Test
    void theBranchHeadGetsHerBranchsResponsesInKoboLayoutWithNames() {
        byte[] file = export(head, "/ketqua " + needsRun + " xlsx", "mỗi phiếu đã gửi một dòng");

        try (XSSFWorkbook book = open(file)) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetName(0)).isEqualTo("Phiếu trả lời");
            Sheet sheet = book.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("can_ho_tro", "can_ho_tro/viec_lam", "can_ho_tro/vay_von",
                    "can_ho_tro/suc_khoe", "can_ho_tro/gia_dinh", "can_ho_tro/phap_luat", "can_ho_tro/binh_dang",
                    "can_ho_tro/so_hoa", "can_ho_tro/chua_can", "hoc_nghe")
                    .endsWith("_id", "_member_id", "_name", "_unit", "_source", "_submission_time", "__version__");
            List<Map<String, String>> rows = table(sheet, 0);
            assertThat(rows).hasSize(6); // her branch only
            Map<String, String> first = rows.get(0);
            assertThat(first).containsEntry("can_ho_tro", "viec_lam vay_von").containsEntry("can_ho_tro/viec_lam", "1.0")
                    .containsEntry("can_ho_tro/vay_von", "1.0").containsEntry("can_ho_tro/suc_khoe", "0.0")
                    .containsEntry("hoc_nghe", "").containsEntry("so_buoi", "0.0")
                    .containsEntry("can_them", "'=HYPERLINK(\"http://x\")")
                    .containsEntry("_member_id", String.valueOf((double) members.get(0).id()))
                    .containsEntry("_name", members.get(0).fullName()).containsEntry("_unit", b1.name())
                    .containsEntry("_source", "SELF").containsEntry("__version__", "2026-12");
            assertThat(rows.get(1)).containsEntry("can_ho_tro", "suc_khoe").containsEntry("can_ho_tro/viec_lam", "0.0")
                    .containsEntry("so_buoi", "1.0").containsEntry("can_them", "");
            assertThat(rows).extracting(r -> r.get("_name"))
                    .containsExactly(members.subList(0, 6).stream().map(MemberView::fullName).toArray(String[]::new));

            Sheet questions = book.getSheetAt(1);
            assertThat(questions.getRow(1).getCell(0).getStringCellValue()).isEqualTo("can_ho_tro");
            assertThat(questions.getRow(1).getCell(2).getStringCellValue()).isEqualTo("select_multiple");
            assertThat(questions.getRow(1).getCell(4).getStringCellValue()).startsWith("viec_lam = ");

            List<Map<String, String>> aggregates = table(book.getSheetAt(2), 1);
            assertThat(aggregates.get(0)).containsEntry("name", "can_ho_tro").containsEntry("Số người", "6.0");
            assertThat(aggregates.get(1)).containsEntry("Số người", "3.0").containsEntry("Tỉ lệ", "0.5");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(jdbc.queryForMap("select exported_by, unit_id, format, detail from survey_export where run_id = ?"
                + " and exported_by = ?", needsRun, headId)).containsEntry("unit_id", b1.id())
                .containsEntry("format", "XLSX").containsEntry("detail", "RESPONSES");
    }

    @Test
    void namesOnlyForHerOwnCommuneAggregatesOnlyForACadreNothingForAnotherBranch() {
        // the commune chair, by the button under /ketqua: the whole commune, every name, as CSV
        JsonNode results = type(chair, "/ketqua " + needsRun, "Tiến độ");
        int before = telegram.files(token, chair, "senddocument", "document").size();
        pressReply(chair, results, "Tải file CSV", "mỗi phiếu đã gửi một dòng");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> telegram.files(token, chair, "senddocument", "document").size() > before);
        String csv = new String(telegram.files(token, chair, "senddocument", "document").get(before),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(1 + 9);
        assertThat(lines[0]).startsWith("\uFEFFcan_ho_tro,can_ho_tro/viec_lam,");
        assertThat(csv).contains(members.get(8).fullName()).contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains(",LEADER,").doesNotContain(members.get(9).fullName());

        // a provincial vice chair: the responses, without names or member ids
        String anonymous = new String(export(provincialVice, "/ketqua " + needsRun + " csv", "mỗi phiếu"),
                StandardCharsets.UTF_8);
        assertThat(anonymous.split("\r\n")).hasSize(10);
        assertThat(anonymous).doesNotContain("Hội viên").contains(b2.name());
        assertThat(anonymous.split("\r\n")[1]).matches(".*,\\d+,,," + b1.name() + ",SELF,.*"); // no id, no name

        // a provincial cadre: the questions and the aggregates, cells under 5 suppressed, the mean shown (9 numbers)
        try (XSSFWorkbook book = open(export(cadre, "/ketqua " + needsRun + " xlsx", "chỉ có số liệu chung"))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            assertThat(book.getSheetName(1)).isEqualTo("Tổng hợp");
            List<Map<String, String>> aggregates = table(book.getSheetAt(1), 1);
            assertThat(aggregates).filteredOn(r -> r.get("name").equals("can_ho_tro")).extracting(r -> r.get("Số người"))
                    .containsExactly("9.0", "dưới 5", "dưới 5", "dưới 5", "0.0", "0.0", "0.0", "dưới 5", "0.0");
            assertThat(aggregates).filteredOn(r -> r.get("name").equals("so_buoi")).extracting(r -> r.get("Số người"))
                    .containsExactly("9.0", "2.33", "2.0", "0.0", "5.0");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        int logged = exports(needsRun);
        JsonNode refused = type(otherHead, "/ketqua " + needsRun + " xlsx", "chưa có quyền");
        assertThat(refused.has("caption")).isFalse();
        assertThat(exports(needsRun)).isEqualTo(logged);
        assertThat(jdbc.queryForObject("select detail from survey_export where run_id = ? and format = 'XLSX' and"
                + " detail = 'AGGREGATES'", String.class, needsRun)).isEqualTo("AGGREGATES");
    }

    @Test
    void aSensitiveSurveysResponsesOnlyForHerBranchHead() {
        String headCsv = new String(export(head, "/ketqua " + circumstancesRun + " csv", "mỗi phiếu"),
                StandardCharsets.UTF_8);
        assertThat(headCsv.split("\r\n")).hasSize(1 + 2);
        assertThat(headCsv).contains(members.get(0).fullName()).contains(members.get(1).fullName());
        String chairCsv = new String(export(chair, "/ketqua " + circumstancesRun + " csv", "mỗi phiếu"),
                StandardCharsets.UTF_8);
        assertThat(chairCsv.split("\r\n")).hasSize(1 + 3);
        String viceCsv = new String(export(provincialVice, "/ketqua " + circumstancesRun + " csv", "mỗi phiếu"),
                StandardCharsets.UTF_8);
        assertThat(viceCsv.split("\r\n")).hasSize(1); // the header only: not her members' branch head nor chair
        assertThat(FakeTelegram.textContains(type(cadre, "/ketqua " + circumstancesRun, "Tiến độ"), "dưới 5")).isTrue();
    }
}
