package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoibot.FakeTelegram;
import vn.hoibot.access.Role;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.UnitView;

/**
 * A leader launches a survey through the bot, the invitation comes through the outbox with "Bắt đầu", a member
 * answers every kind of question with buttons and typed text, goes back, skips, sends; consent for the sensitive
 * survey; answers refused after the close. Everything over WireMock, the records checked in the database.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(SurveyClock.Config.class)
@TestPropertySource(properties = { "hoibot.broadcast.poll-interval=50ms", "spring.quartz.scheduler-name=survey-e2e" })
class SurveyEndToEndTests extends SurveyChatTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    SurveyClock clock;

    UnitView branch;
    long leader;
    long lan;
    long lanId;

    @BeforeEach
    void roster() {
        String p = "SE" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Thử", "province", null, from));
        UnitView commune = org.createUnit(new NewUnit(p + "-HV", "Xã Hải Vân", "commune", province.id(), from));
        branch = org.createUnit(new NewUnit(p + "-CH1", "Chi hội xóm Đông " + p, "branch", commune.id(), from));
        MemberView head = member("Phạm Thị Hằng", branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        MemberView lanMember = member("Nguyễn Thị Lan", branch);
        lanId = lanMember.id();
        leader = newUserId();
        lan = newUserId();
        link(leader, head.phone());
        link(lan, lanMember.phone());
    }

    @Test
    void aMemberAnswersTheNeedsSurveyLaunchedByHerLeader() {
        long run = launch(leader, "Phiếu hỏi nhu cầu", branch, 2);
        JsonNode invitation = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Hội mời chị trả lời"));
        assertThat(invitation.path("text").asText()).contains("Phiếu hỏi nhu cầu của hội viên").contains(dayAhead(7)
                .replaceAll("^(\\d)/", "0$1/").replaceAll("/(\\d)/", "/0$1/"));

        JsonNode intro = pressReply(lan, invitation, "Bắt đầu", "Chị trả lời giúp Hội");
        JsonNode q = pressEdit(lan, intro, "Tiếp tục", "Câu 1/8");
        assertThat(q.path("text").asText()).contains("【Chị đang cần gì】").contains("chọn được nhiều ý");

        JsonNode again = type(lan, "vay vốn", "bấm nút bên dưới");
        assertThat(FakeTelegram.buttonData(again, "Vay vốn")).isNotBlank();
        q = pressEdit(lan, again, "Vay vốn", "✓ Vay vốn");
        q = pressEdit(lan, q, "Xong", "Câu 2/10");
        assertThat(q.path("text").asText()).contains("bao nhiêu triệu đồng");

        type(lan, "nhiều lắm", "Chị chỉ gõ một số nguyên");
        type(lan, "900", "từ 1 đến 500");
        q = type(lan, "30", "Câu 3/10");
        q = pressEdit(lan, q, "Quay lại", "Câu 2/10");
        q = type(lan, "25", "Chị vay để làm gì");
        JsonNode oldQuestion = q;
        q = pressEdit(lan, q, "Chăn nuôi", "điện thoại thông minh");

        // an old question's button: a note and the current question
        int before = sentCount(lan);
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(oldQuestion, "Trồng trọt"), 4242));
        awaitNew(lan, before, "điện thoại thông minh");
        await().until(() -> telegram.requests(token, "answercallbackquery").stream()
                .anyMatch(b -> b.path("text").asText().contains("câu trước")));
        assertThat(answer(run, lanId, "muc_dich_vay")).isEqualTo("chan_nuoi");

        q = pressEdit(lan, q, "Dùng thành thạo", "còn cần gì khác");
        q = pressEdit(lan, q, "Bỏ qua", "hình thức sinh hoạt");
        q = pressEdit(lan, q, "Họp ở chi hội", "✓ Họp ở chi hội");
        q = pressEdit(lan, q, "Lớp tập huấn", "✓ Lớp tập huấn");
        q = pressEdit(lan, q, "Xong", "Ngày nào trong tuần");
        q = pressEdit(lan, q, "Chủ nhật", "Buổi nào");
        q = pressEdit(lan, q, "Buổi tối", "mấy buổi");
        q = pressEdit(lan, q, "3", "giúp đỡ chị em");
        JsonNode summary = pressEdit(lan, q, "Có", "Chị xem lại câu trả lời");
        assertThat(summary.path("text").asText()).contains("→ Vay vốn, làm kinh tế").contains("→ 25")
                .contains("→ (bỏ qua)").contains("→ Họp ở chi hội, Lớp tập huấn");
        pressEdit(lan, summary, "Gửi", "Em đã nhận phiếu");

        assertThat(jdbc.queryForObject("select status from survey_response where run_id = ? and member_id = ?",
                String.class, run, lanId)).isEqualTo("FINISHED");
        assertThat(answer(run, lanId, "can_ho_tro")).isEqualTo("vay_von");
        assertThat(answer(run, lanId, "so_tien_vay")).isEqualTo("25");
        assertThat(answer(run, lanId, "can_them")).isEmpty();
        assertThat(answer(run, lanId, "hinh_thuc")).isEqualTo("hop_chi_hoi tap_huan");
        assertThat(answer(run, lanId, "so_buoi")).isEqualTo("3");
        assertThat(jdbc.queryForObject("select count(*) from survey_invitee where run_id = ?", Integer.class, run))
                .isEqualTo(2);

        // changeable until the close, refused after it
        JsonNode list = type(lan, "/khaosat", "Các phiếu khảo sát đang mở");
        JsonNode back = pressReply(lan, list, "Đã gửi", "Chị xem lại câu trả lời");
        clock.advance(Duration.ofDays(8));
        before = sentCount(lan);
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(back, "Gửi"), 4242));
        await().until(() -> telegram.requests(token, "answercallbackquery").stream()
                .anyMatch(b -> b.path("text").asText().contains("đã kết thúc"))
                || telegram.sentTo(token, lan).stream().skip(0).anyMatch(b -> FakeTelegram.textContains(b, "đã kết thúc")));
    }

    @Test
    void aSensitiveSurveyStoresNothingWithoutConsent() {
        long run = launch(leader, "Phiếu tìm hiểu hoàn cảnh", branch, 2);
        JsonNode invitation = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Phiếu tìm hiểu hoàn cảnh")
                && FakeTelegram.textContains(b, "chỉ chi hội trưởng"));
        JsonNode consent = pressReply(lan, invitation, "Bắt đầu", "Chị có đồng ý trả lời không");
        pressEdit(lan, consent, "Không đồng ý", "em không lưu gì cả");
        assertThat(jdbc.queryForObject("select count(*) from survey_response where run_id = ?", Integer.class, run))
                .isZero();

        consent = pressReply(lan, invitation, "Bắt đầu", "Chị có đồng ý trả lời không");
        JsonNode first = pressEdit(lan, consent, "Đồng ý", "Câu 1/");
        assertThat(first.path("text").asText()).contains("mấy người cùng ăn ở");
        assertThat(jdbc.queryForObject("select count(*) from survey_response where run_id = ? and consented_at is not null",
                Integer.class, run)).isEqualTo(1);
        type(lan, "4", "Câu 2/");
        assertThat(answer(run, lanId, "so_nguoi")).isEqualTo("4");
    }

    @Autowired
    SurveyReminders reminders;
    @Autowired
    RunStore runStore;
    @Autowired
    ResponseStore responses;
    @Autowired
    DefinitionStore definitions;
    @Autowired
    SurveyCatalog catalog;

    private long remindersTo(long user) {
        return telegram.sentTo(token, user).stream().filter(b -> FakeTelegram.textContains(b, "Hội nhắc chị")).count();
    }

    /** Moves the clock to that Vietnam time, a number of days from today, and lets Quartz follow. */
    private void moveTo(java.time.LocalDate day, java.time.LocalTime time) {
        clock.advance(Duration.between(clock.instant(), day.atTime(time).atZone(vn.hoibot.time.ServiceZone.VIETNAM)
                .toInstant()));
        reminders.realign();
    }

    @Test
    void remindsOnlyThoseWhoHaveNotSentTwiceAtMostOutsideQuietHoursOnce() {
        MemberView mai = member("Trần Thị Mai", branch);
        MemberView hoa = member("Lê Thị Hoa", branch);
        MemberView noPhone = member("Đỗ Thị Cúc", branch);
        long maiUser = link(mai);
        long hoaUser = link(hoa);
        LocalDate today = vn.hoibot.time.ServiceZone.today(clock);
        java.time.Instant now = clock.instant();
        java.time.Instant closes = today.plusDays(5).atStartOfDay(vn.hoibot.time.ServiceZone.VIETNAM).toInstant();
        var form = catalog.form("gop_y_sinh_hoat").orElseThrow();
        long run = runStore.create(definitions.store(form, catalog.raw("gop_y_sinh_hoat")), form.kind(), branch.id(),
                branch.name(), "u:" + branch.id(), lanId, null, now.minusSeconds(60), closes,
                java.util.stream.Stream.of(lanId, mai.id(), hoa.id(), noPhone.id())
                        .map(m -> new RunStore.Invitee(m, branch.id())).toList(), now);
        reminders.plan(run, now.minusSeconds(60), closes);

        // 3 days and 1 day before midnight fall in the quiet hours: both at 7:00
        assertThat(jdbc.queryForList("select due_at from survey_reminder where run_id = ? order by due_at",
                java.time.OffsetDateTime.class, run)).extracting(t -> t.atZoneSameInstant(
                        vn.hoibot.time.ServiceZone.VIETNAM).toLocalDateTime()).containsExactly(
                                today.plusDays(2).atTime(7, 0), today.plusDays(4).atTime(7, 0));
        responses.finish(responses.start(run, mai.id(), ResponseStore.Source.SELF, null, null, now).id(), now);
        long hoaResponse = responses.start(run, hoa.id(), ResponseStore.Source.SELF, null, null, now).id();

        moveTo(today.plusDays(2), java.time.LocalTime.of(6, 59, 58)); // Quartz fires it 2 s later
        await().atMost(Duration.ofSeconds(20)).until(() -> remindersTo(lan) == 1 && remindersTo(hoaUser) == 1);
        JsonNode reminder = telegram.sentTo(token, lan).stream()
                .filter(b -> FakeTelegram.textContains(b, "Hội nhắc chị")).findFirst().orElseThrow();
        assertThat(reminder.path("text").asText()).contains("Góp ý");
        assertThat(FakeTelegram.buttonData(reminder, "Bắt đầu")).isNotBlank();
        long first = jdbc.queryForObject("select min(id) from survey_reminder where run_id = ?", Long.class, run);
        reminders.fire(first); // a second firing (another instance, a restart) sends nothing again
        responses.finish(hoaResponse, clock.instant());

        moveTo(today.plusDays(4), java.time.LocalTime.of(6, 59, 58));
        await().atMost(Duration.ofSeconds(20)).until(() -> remindersTo(lan) == 2);
        jdbc.update("insert into survey_reminder (run_id, due_at, status) values (?, ?, 'PENDING')", run,
                java.time.OffsetDateTime.now());
        reminders.fire(jdbc.queryForObject("select max(id) from survey_reminder where run_id = ?", Long.class, run));
        assertThat(jdbc.queryForList("select reminders from survey_invitee where run_id = ? order by reminders",
                Integer.class, run)).containsExactly(0, 0, 1, 2); // Mai and Cúc none, Hoa 1, Lan 2 (capped)
        assertThat(remindersTo(lan)).isEqualTo(2); // at most 2 each
        assertThat(remindersTo(hoaUser)).isEqualTo(1);
        assertThat(remindersTo(maiUser)).isZero();
        assertThat(jdbc.queryForMap("select reminders from survey_invitee where run_id = ? and member_id = ?", run,
                noPhone.id())).containsEntry("reminders", 0);
        assertThat(jdbc.queryForList("select status from survey_reminder where run_id = ? order by id", String.class,
                run)).containsExactly("SENT", "SENT", "SENT");
    }

    @Test
    void aBranchHeadAnswersForAMemberWithoutAPhoneRecordedAsEnteredByHer() {
        MemberView cuc = member("Đỗ Thị Cúc", branch);
        long headId = jdbc.queryForObject("select member_id from role_assignment where unit_id = ? and role = 'BRANCH_HEAD'",
                Long.class, branch.id());
        java.time.Instant now = clock.instant();
        var form = catalog.form("gop_y_sinh_hoat").orElseThrow();
        long run = runStore.create(definitions.store(form, catalog.raw("gop_y_sinh_hoat")), form.kind(), branch.id(),
                branch.name(), "u:" + branch.id(), headId, null, now.minusSeconds(60), now.plus(Duration.ofDays(3)),
                java.util.List.of(new RunStore.Invitee(cuc.id(), branch.id()), new RunStore.Invitee(lanId, branch.id())), now);

        assertThat(type(leader, "/traloigiup " + run + " Hằng", "Em không tìm thấy").path("text").asText())
                .contains("Hằng"); // herself, not invited: no one
        int before = sentCount(leader);
        type(leader, "/traloigiup " + run + " do thi cuc", "Chị đang trả lời giúp chị Đỗ Thị Cúc");
        JsonNode q = awaitNew(leader, before, "Câu 1/");
        q = pressEdit(leader, q, "4", "Câu 2/");
        q = pressEdit(leader, q, "Gặp gỡ chị em", "✓ Gặp gỡ chị em");
        q = pressEdit(leader, q, "Xong", "Câu 3/");
        q = pressEdit(leader, q, "Có", "Câu 4/");
        q = pressEdit(leader, q, "Bỏ qua", "Gửi");
        pressEdit(leader, q, "Gửi", "Góp ý sau buổi sinh hoạt");

        assertThat(jdbc.queryForMap("select status, source, entered_by from survey_response where run_id = ? and"
                + " member_id = ?", run, cuc.id())).containsEntry("status", "FINISHED").containsEntry("source", "LEADER")
                .containsEntry("entered_by", headId);
        assertThat(answer(run, cuc.id(), "diem")).isEqualTo("4");
        assertThat(answer(run, cuc.id(), "co_ich")).isEqualTo("gap_go");
        assertThat(jdbc.queryForObject("select count(*) from survey_response where run_id = ? and member_id = ?",
                Integer.class, run, headId)).isZero(); // nothing stored as her own
    }
}
