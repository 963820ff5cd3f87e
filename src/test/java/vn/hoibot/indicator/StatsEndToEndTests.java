package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;

/**
 * /thongke over Telegram (WireMock): a provincial cadre and a commune chair ask for the indicators of the
 * hand-built province of {@link IndicatorDataset}; the replies are asserted as sent.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(StatsEndToEndTests.Coverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsEndToEndTests extends EndToEndTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Coverage {
        @Bean
        @Primary
        IndicatorEngineTests.FakeCoverage fakeCoverage() {
            return new IndicatorEngineTests.FakeCoverage();
        }
    }

    @Autowired
    OrgService org;
    @Autowired
    Restructuring restructuring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorRecords records;
    @Autowired
    ReportPeriods periods;
    @Autowired
    IndicatorEngineTests.FakeCoverage coverage;
    @Autowired
    Clock clock;

    @Autowired
    IndicatorEngine engine;

    long cadre;
    long chair;
    long chairMember;
    long xaC;
    IndicatorDataset data;

    @BeforeAll
    void provinceAndPeople() {
        data = new IndicatorDataset("E2E" + System.nanoTime() % 100000 + "-", org, restructuring,
                jdbc, records, periods).build();
        coverage.dataset = data;
        xaC = data.units.get("XA_C");
        String cadrePhone = data.person("cadre", "PROVINCIAL_CADRE", "PROV");
        String chairPhone = data.person("chair", "UNIT_CHAIR", "XA_C");
        chairMember = data.members.get("chair");
        cadre = newUserId();
        chair = newUserId();
        link(cadre, cadrePhone);
        link(chair, chairPhone);
    }

    @Test
    void summarisesTheProvinceWithBarsTargetsChangesFlagsAndUnitsNotReported() {
        String text = ask(cadre, "/thongke tinh 6t-2026").path("text").asText();
        assertThat(text).startsWith("📊 Chỉ tiêu của Tỉnh Thử, kỳ 6t-2026 (01/01/2026 – 30/06/2026)");
        assertThat(text).contains("Số cơ sở Hội: 4");
        // I1 was 1/5 in 6t2-2025 (only XA_C's pairing of 2025): 20% -> 50%
        assertThat(text).contains("• Cơ sở có mô hình \"1+1\": ▓▓▓▓▓░░░░░ 50% (2/4), mục tiêu 100% ❌, tăng 30 điểm");
        assertThat(text).contains("• Cơ sở đạt \"3 có, 3 biết\" theo số liệu: ▓▓▓░░░░░░░ 25% (1/4), mục tiêu 100% ❌");
        assertThat(text).contains("• Chi hội trưởng chưa là đảng viên được bồi dưỡng, giới thiệu: ▓▓▓▓▓░░░░░ 50% (2/4), "
                + "mục tiêu 50% ✅");
        assertThat(text).contains("• Chi hội trưởng là đảng viên: ▓▓▓▓░░░░░░ 40% (2/5), mốc so sánh 23,2%");
        assertThat(text).contains("• Hoạt động nâng cao kiến thức dịp 8/3, 20/10 có phối hợp: 2");
        assertThat(text).contains("• Cơ sở nộp báo cáo đúng hạn: ▓▓▓░░░░░░░ 25% (1/4)");
        assertThat(text).contains("⚠️ Báo cáo \"có\" nhưng số liệu chưa đạt: Xã Cát Hải (I1, I2)");
        assertThat(text).contains("Chưa báo cáo (2): Xã Đông Hải, Xã Hải Vân");
        assertThat(text).contains("(So với kỳ trước: 6t2-2025)");
    }

    @Test
    void computesOutsideTheChatTransactionInAReadOnlyOne() {
        coverage.insideReadWrite.clear();
        assertThat(ask(cadre, "/thongke tinh 6t-2026").path("text").asText()).startsWith("📊 Chỉ tiêu của Tỉnh Thử");
        // the period and the previous one, two survey kinds each: none inside the update's read-write transaction
        assertThat(coverage.insideReadWrite).hasSize(4).containsOnly(false);
    }

    @Test
    void matchesUnitNamesWithoutDiacriticsAndDefaultsToTheCurrentHalfYear() {
        String current = periods.currentHalf(LocalDate.now(clock)).label();
        String text = ask(cadre, "/thongke hai van").path("text").asText();
        assertThat(text).startsWith("📊 Chỉ tiêu của Xã Hải Vân, kỳ " + current);
        assertThat(text).contains("• Chi hội trưởng được hưởng phụ cấp hằng tháng: không áp dụng");
    }

    @Test
    void offersAChoiceWhenSeveralUnitsMatch() {
        JsonNode choice = ask(cadre, "/thongke Hải 6t-2026");
        assertThat(choice.path("text").asText()).isEqualTo("Có nhiều đơn vị khớp với \"Hải\". Chị chọn một:");
        List<String> labels = choice.path("reply_markup").path("inline_keyboard").findValues("text").stream()
                .map(JsonNode::asText).toList();
        assertThat(labels).hasSize(3).allMatch(l -> l.startsWith("Xã Cát Hải") || l.startsWith("Xã Đông Hải")
                || l.startsWith("Xã Hải Vân"));
        String data = FakeTelegram.buttonData(choice, "Xã Cát Hải");
        int before = sentCount(cadre);
        deliver(FakeTelegram.button(cadre, data, 900));
        JsonNode summary = after(cadre, before);
        assertThat(summary.path("text").asText()).startsWith("📊 Chỉ tiêu của Xã Cát Hải, kỳ 6t-2026")
                .contains("Số cơ sở Hội: 1");
    }

    @Test
    void keepsTheChairInsideHerOwnSubtree() {
        assertThat(ask(chair, "/thongke An Bình 6t-2026").path("text").asText())
                .startsWith("Em không tìm thấy đơn vị \"An Bình\" trong phạm vi của chị.")
                .contains("/thongke Hải Vân 6t-2026");
        assertThat(ask(chair, "/thongke 6t-2026").path("text").asText())
                .startsWith("📊 Chỉ tiêu của Xã Cát Hải, kỳ 6t-2026");
    }

    @Test
    void answersBadPeriodsWithExamples() {
        assertThat(ask(cadre, "/thongke tinh 13-2026").path("text").asText())
                .startsWith("Em chưa đọc được kỳ báo cáo \"13-2026\".").contains("6t-2026").contains("nhiemky");
        assertThat(ask(cadre, "/thongke tinh 6t2-2027").path("text").asText())
                .startsWith("Kỳ 6t2-2027 chưa bắt đầu");
    }

    @Test
    void refusesSomeoneWithoutAnIndicatorRole() {
        long stranger = newUserId();
        assertThat(ask(stranger, "/thongke").path("text").asText()).startsWith("Lệnh /thongke dành cho");
    }

    @Test
    void takesTheChairsUnitReportByButtonsAndReplacesItOnlyAfterAConfirm() {
        JsonNode one = ask(chair, "/nopbaocao 6t2-2025");
        assertThat(one.path("text").asText()).isEqualTo("Báo cáo kỳ 6t2-2025 của Xã Cát Hải.\n"
                + "Câu 1/2: Cơ sở có thực hiện mô hình \"1+1\" không?");
        JsonNode three = press(chair, one, "Có");
        assertThat(three.path("text").asText())
                .isEqualTo("Câu 2/2: Xã Cát Hải có thực hiện mô hình \"3 có, 3 biết\" trong kỳ 6t2-2025 không?");
        JsonNode confirm = press(chair, three, "Không");
        assertThat(confirm.path("text").asText()).contains("• Mô hình \"1+1\": có", "• Mô hình \"3 có, 3 biết\": không",
                "Số liệu trên hệ thống: có cặp \"1+1\" được ghi nhận"); // C1's pairing ran through 2025
        assertThat(records.reportFor(xaC, periods.parse("6t2-2025"))).isEmpty(); // nothing stored before Gửi
        // the records behind the figures, with a button for each records command to add what is missing
        assertThat(confirm.path("text").asText()).contains("Hồ sơ trong kỳ trên hệ thống:\n• Có cặp \"1+1\": có\n"
                + "• Có mô hình thu hút hội viên đặc thù hiệu quả: không");
        assertThat(press(chair, confirm, "➕ Ghi nguồn lực").path("text").asText())
                .isEqualTo("Ghi nhận nguồn lực của Xã Cát Hải. Chị chọn loại nguồn lực:");
        assertThat(press(chair, confirm, "Gửi").path("text").asText())
                .startsWith("✅ Đã nhận báo cáo kỳ 6t2-2025 của Xã Cát Hải lúc");
        UnitReportView stored = records.reportFor(xaC, periods.parse("6t2-2025")).orElseThrow();
        assertThat(stored.runsOnePlusOne()).isTrue();
        assertThat(stored.runsThreeThree()).isFalse();

        JsonNode again = ask(chair, "/nopbaocao 6t2-2025");
        assertThat(again.path("text").asText()).startsWith("Xã Cát Hải đã gửi báo cáo kỳ 6t2-2025 lúc")
                .contains("Gửi báo cáo mới sẽ thay thế báo cáo cũ.");
        assertThat(press(chair, again, "Hủy").path("text").asText()).isEqualTo("Đã hủy, chưa gửi báo cáo nào.");
        assertThat(records.reportFor(xaC, periods.parse("6t2-2025")).orElseThrow()).isEqualTo(stored);
    }

    @Test
    void answersBadReportRequestsWithExamples() {
        assertThat(ask(chair, "/nopbaocao q1-2026").path("text").asText())
                .startsWith("Báo cáo của cơ sở làm theo 6 tháng hoặc theo năm").contains("6t-2026");
        assertThat(ask(cadre, "/nopbaocao").path("text").asText()).startsWith("Lệnh /nopbaocao dành cho Chủ tịch");
    }

    @Test
    void recordsTheChairsResourceAndProposalByButtonsAndTheEngineCountsThem() {
        LocalDate today = LocalDate.now(clock);
        ReportPeriod half = periods.currentHalf(today);
        long chairId = chairMember;
        // (XA_C already has a resource this half-year in the dataset: the row itself is checked below; I6 shows the
        // engine counting what the chair records)
        long fundsBefore = jdbc.sql("select count(*) from ind_resource where unit_id = ? and recorded_by = ?")
                .params(xaC, chairId).query(Long.class).single();

        JsonNode kinds = ask(chair, "/nguonluc");
        assertThat(kinds.path("text").asText()).isEqualTo("Ghi nhận nguồn lực của Xã Cát Hải. Chị chọn loại nguồn lực:");
        JsonNode spans = pressAndAwaitEdit(chair, kinds, "Quỹ", 910);
        assertThat(spans.path("text").asText()).isEqualTo("Nguồn lực \"Quỹ\" của Xã Cát Hải có trong thời gian nào?");
        JsonNode done = pressAndAwaitEdit(chair, spans, "Cả năm nay", 910);
        assertThat(done.path("text").asText()).isEqualTo("✅ Đã ghi nhận nguồn lực \"Quỹ\" của Xã Cát Hải, từ 01/01/"
                + today.getYear() + " đến 31/12/" + today.getYear() + ".");
        assertThat(done.path("reply_markup").path("inline_keyboard").size()).isZero(); // nothing left to tap twice
        assertThat(jdbc.sql("select kind, starts_on, ends_on from ind_resource where unit_id = ? and recorded_by = ? "
                + "order by id desc").params(xaC, chairId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)
                        + " " + rs.getString(3)).list())
                .hasSize((int) fundsBefore + 1)
                .first().isEqualTo("FUND " + today.getYear() + "-01-01 " + today.getYear() + "-12-31");

        // a proposal: the day typed, the programme by a button; I6 of the half-year counts it
        assertThat(ask(chair, "/thammuu 31/2/2026").path("text").asText())
                .startsWith("Em chưa đọc được ngày \"31/2/2026\".").contains("/thammuu 15/3/2026");
        assertThat(ask(chair, "/thammuu 1/1/2099").path("text").asText()).startsWith("Ngày 01/01/2099 chưa tới.");
        long proposalsBefore = engine.compute(xaC, half).indicator("I6").orElseThrow().numerator();
        assertThat(proposalsBefore).isZero();
        JsonNode programmes = ask(chair, "/thammuu " + today.getDayOfMonth() + "/" + today.getMonthValue() + "/"
                + today.getYear());
        assertThat(programmes.path("text").asText()).startsWith("Xã Cát Hải tham mưu ngày ");
        JsonNode recorded = pressAndAwaitEdit(chair, programmes, "Chương trình xây dựng nông thôn mới", 911);
        assertThat(recorded.path("text").asText()).startsWith("✅ Đã ghi nhận Xã Cát Hải tham mưu ngày ")
                .endsWith("tham gia Chương trình xây dựng nông thôn mới.");
        assertThat(jdbc.sql("select programme from ind_proposal where unit_id = ? and recorded_by = ?")
                .params(xaC, chairId).query(String.class).list()).containsExactly("Chương trình xây dựng nông thôn mới");
        assertThat(engine.compute(xaC, half).indicator("I6").orElseThrow().numerator()).isEqualTo(1);

        // only a commune unit's chair records for it
        assertThat(ask(cadre, "/nguonluc").path("text").asText()).startsWith("Lệnh /nguonluc dành cho Chủ tịch");
        assertThat(ask(cadre, "/thammuu").path("text").asText()).startsWith("Lệnh /thammuu dành cho Chủ tịch");
    }

    /** Types the command, taps the labels one after the other (each step edits the message), returns the last. */
    private String tapThrough(String command, int messageId, String... labels) {
        JsonNode message = ask(chair, command);
        for (String label : labels) {
            message = pressAndAwaitEdit(chair, message, label, messageId);
        }
        assertThat(message.path("reply_markup").path("inline_keyboard").size()).isZero();
        return message.path("text").asText();
    }

    private long numerator(String indicator) {
        return engine.compute(xaC, periods.currentHalf(LocalDate.now(clock))).indicator(indicator).orElseThrow()
                .numerator();
    }

    @Test
    void recordsThePairingsOfTheCommuneByButtonsAndI1Counts() {
        assertThat(ask(chair, "/ketdoi chỉ một bên").path("text").asText()).startsWith("Chị gõ hai bên của cặp")
                .contains("/ketdoi Nguyễn Thị Lan - Trần Thị Hoa");
        assertThat(tapThrough("/ketdoi", 930, "Hội viên giúp hội viên khó khăn")).startsWith("Loại \"Hội viên giúp "
                + "hội viên khó khăn\" cần tên hai bên. Chưa ghi gì.");
        assertThat(tapThrough("/ketdoi", 931, "Chi hội mạnh giúp chi hội yếu"))
                .isEqualTo("Xã Cát Hải chưa có đủ hai chi hội để ghép cặp. Chưa ghi gì."); // C2 moved away
        assertThat(numerator("I1")).isZero(); // C1's pairing ended in 2025
        assertThat(tapThrough("/ketdoi Nguyễn Thị Lan - Trần Thị Hoa", 932, "Hội viên giúp hội viên khó khăn",
                "6 tháng này")).startsWith("✅ Đã ghi nhận cặp \"Hội viên giúp hội viên khó khăn\" của Xã Cát Hải: "
                        + "Nguyễn Thị Lan giúp Trần Thị Hoa, từ 01/07/");
        assertThat(numerator("I1")).isEqualTo(1);
        // the same pairing again, now open-ended: a correction, which supersedes the first record
        assertThat(tapThrough("/ketdoi Nguyễn Thị Lan - Trần Thị Hoa", 933, "Hội viên giúp hội viên khó khăn",
                "Từ hôm nay, chưa có ngày kết thúc")).startsWith("✅ Đã sửa cặp").endsWith("(thay cho bản ghi trước).");
        assertThat(jdbc.sql("select count(*) from ind_pairing where unit_id = ? and helper_name = ? "
                + "and superseded_by is null").params(xaC, "Nguyễn Thị Lan").query(Long.class).single()).isEqualTo(1);
        assertThat(numerator("I1")).isEqualTo(1);
    }

    @Test
    void pairsTwoBranchesOfTheCommuneByButtons() {
        long chairA = newUserId();
        link(chairA, data.person("chairA", "UNIT_CHAIR", "XA_A"));
        long xaA = data.units.get("XA_A");
        ReportPeriod half = periods.currentHalf(LocalDate.now(clock));
        assertThat(engine.compute(xaA, half).indicator("I1").orElseThrow().numerator()).isZero();
        JsonNode message = ask(chairA, "/ketdoi");
        message = pressAndAwaitEdit(chairA, message, "Chi hội mạnh giúp chi hội yếu", 960);
        assertThat(message.path("text").asText()).isEqualTo("Chi hội nào của Xã An Bình là bên giúp?");
        message = pressAndAwaitEdit(chairA, message, "Chi hội A1", 960);
        assertThat(message.toString()).doesNotContain("\"Chi hội A1\""); // not helping itself
        message = pressAndAwaitEdit(chairA, message, "Chi hội B1", 960); // B1 came with the merged XA_B
        message = pressAndAwaitEdit(chairA, message, "Cả năm nay", 960);
        assertThat(message.path("text").asText()).startsWith("✅ Đã ghi nhận cặp \"Chi hội mạnh giúp chi hội yếu\" "
                + "của Xã An Bình: Chi hội A1 giúp Chi hội B1, từ 01/01/");
        assertThat(jdbc.sql("select count(*) from ind_pairing where unit_id = ? and helper_unit_id = ? "
                + "and helped_unit_id = ?").params(xaA, data.units.get("A1"), data.units.get("B1")).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(engine.compute(xaA, half).indicator("I1").orElseThrow().numerator()).isEqualTo(1);
    }

    @Test
    void recordsAModelByButtonsAndI3Counts() {
        assertThat(ask(chair, "/mohinh").path("text").asText()).startsWith("Chị gõ tên mô hình sau lệnh")
                .contains("/mohinh Câu lạc bộ phụ nữ có đạo");
        assertThat(numerator("I3")).isZero(); // XA_C's model is not effective
        assertThat(tapThrough("/mohinh Tổ phụ nữ công giáo", 940, "Phụ nữ có đạo", "Có", "Cả năm nay"))
                .startsWith("✅ Đã ghi nhận mô hình \"Tổ phụ nữ công giáo\" của Xã Cát Hải: đối tượng Phụ nữ có đạo, "
                        + "hiệu quả: có, từ 01/01/");
        assertThat(numerator("I3")).isEqualTo(1);
        assertThat(tapThrough("/mohinh Tổ phụ nữ công giáo", 941, "Phụ nữ có đạo", "Không", "Cả năm nay"))
                .startsWith("✅ Đã sửa mô hình");
        assertThat(numerator("I3")).isZero();
    }

    @Test
    void recordsPartyDevelopmentAndAllowancesOfBranchHeadsAndI4AndI7Count() {
        assertThat(ask(chair, "/phattriendang 31/2/2026").path("text").asText())
                .startsWith("Em chưa đọc được ngày \"31/2/2026\".");
        assertThat(numerator("I4")).isZero();
        assertThat(tapThrough("/phattriendang", 950, "Hội viên c1m1 (Chi hội C1)", "Bồi dưỡng"))
                .startsWith("✅ Đã ghi nhận Hội viên c1m1 (Chi hội C1): Bồi dưỡng ngày ");
        assertThat(numerator("I4")).isEqualTo(1);

        assertThat(numerator("I7")).isZero();
        assertThat(tapThrough("/phucap", 951, "Hội viên c1m1 (Chi hội C1)", "6 tháng này"))
                .startsWith("✅ Đã ghi nhận phụ cấp hằng tháng của Hội viên c1m1 (Chi hội C1), từ 01/07/");
        assertThat(numerator("I7")).isEqualTo(1);
        assertThat(tapThrough("/phucap", 952, "Hội viên c1m1 (Chi hội C1)", "Từ hôm nay, chưa có ngày kết thúc"))
                .startsWith("✅ Đã sửa phụ cấp hằng tháng của Hội viên c1m1");
        assertThat(jdbc.sql("select count(*) from ind_allowance where member_id = ? and superseded_by is not null")
                .param(data.members.get("c1m1")).query(Long.class).single()).isEqualTo(1);
        assertThat(numerator("I7")).isEqualTo(1);
        assertThat(ask(cadre, "/phucap").path("text").asText()).startsWith("Lệnh /phucap dành cho Chủ tịch");
    }

    @Test
    void checksHerRoleAgainWhenSheTapsAButtonOfTheChairsCommands() {
        long user = newUserId();
        link(user, data.person("chair2", "UNIT_CHAIR", "XA_C"));
        JsonNode kinds = ask(user, "/nguonluc");
        JsonNode programmes = ask(user, "/thammuu");
        JsonNode report = ask(user, "/nopbaocao 6t-2026");
        long recordsBefore = jdbc.sql("select (select count(*) from ind_resource) + (select count(*) from ind_proposal)"
                + " + (select count(*) from ind_unit_report)").query(Long.class).single();
        // her role ends before she taps: the buttons she still has no longer record anything
        jdbc.sql("update role_assignment set valid_to = ? where member_id = ?")
                .params(LocalDate.now(clock).minusDays(1), data.members.get("chair2")).update();
        assertThat(press(user, kinds, "Quỹ").path("text").asText()).startsWith("Lệnh /nguonluc dành cho Chủ tịch");
        assertThat(press(user, programmes, "Chương trình giảm nghèo bền vững").path("text").asText())
                .startsWith("Lệnh /thammuu dành cho Chủ tịch");
        assertThat(press(user, report, "Làm lại báo cáo").path("text").asText())
                .startsWith("Lệnh /nopbaocao dành cho Chủ tịch");
        assertThat(jdbc.sql("select (select count(*) from ind_resource) + (select count(*) from ind_proposal)"
                + " + (select count(*) from ind_unit_report)").query(Long.class).single()).isEqualTo(recordsBefore);
    }

    /** Presses a button of {@code message} (sent or edited) and waits for the edit of message {@code messageId}. */
    private JsonNode pressAndAwaitEdit(long user, JsonNode message, String label, int messageId) {
        int before = edits(user).size();
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), messageId));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> edits(user).size() > before);
        JsonNode edit = edits(user).get(before);
        assertThat(edit.path("message_id").asInt()).isEqualTo(messageId);
        return edit;
    }

    private List<JsonNode> edits(long user) {
        return telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(Long.toString(user))).toList();
    }

    private JsonNode press(long user, JsonNode message, String label) {
        int before = sentCount(user);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 901));
        return after(user, before);
    }

    private JsonNode ask(long user, String text) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, text));
        return after(user, before);
    }

    private JsonNode after(long user, int before) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<JsonNode> sent = telegram.sentTo(token, user);
            found[0] = sent.size() > before ? sent.get(before) : null;
            return found[0] != null;
        });
        return found[0];
    }

    /** /start, agree, share her own contact (as the onboarding tests do). */
    private void link(long user, String phone) {
        deliver(FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(token, user, b -> b.path("reply_markup").has("inline_keyboard"));
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại")
                && b.path("reply_markup").has("keyboard"));
        deliver(FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }
}
