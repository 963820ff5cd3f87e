package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.ServiceZone;

/**
 * A leader launches a survey through the bot, the invitation comes through the outbox with "Bắt đầu", a member
 * answers every kind of question with buttons and typed text, goes back, skips, sends; consent for the sensitive
 * survey; answers refused after the close. Everything over WireMock, the records checked in the database.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(SurveyClock.Config.class)
@TestPropertySource(properties = { "hoibot.broadcast.poll-interval=50ms", "spring.quartz.scheduler-name=survey-e2e" })
class SurveyEndToEndTests extends EndToEndTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    JdbcTemplate jdbc;
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

    MemberView member(String name, UnitView unit) {
        String phone = "09" + String.format("%08d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 100_000_000L);
        return directory.create(new NewMember(name, phone, 1980, false, false, LocalDate.of(2015, 3, 8), unit.id(),
                Set.of(), null));
    }

    void link(long user, String phone) {
        telegram.deliver(token, FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(token, user, b -> b.path("reply_markup").has("inline_keyboard"));
        telegram.deliver(token, FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại"));
        telegram.deliver(token, FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }

    JsonNode lastEdit(long user) {
        List<JsonNode> edits = telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(user))).toList();
        return edits.isEmpty() ? null : edits.get(edits.size() - 1);
    }

    static String labels(JsonNode body) {
        StringBuilder out = new StringBuilder();
        body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.append(b.path("text")
                .asText()).append('|')));
        return out.toString();
    }

    int edits(long user) {
        return (int) telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(user))).count();
    }

    /** Presses a button and waits for the edit of that message that follows. */
    JsonNode pressEdit(long user, JsonNode message, String label, String expected) {
        int before = edits(user);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 4242));
        await().atMost(Duration.ofSeconds(15)).until(() -> edits(user) > before
                && (FakeTelegram.textContains(lastEdit(user), expected) || labels(lastEdit(user)).contains(expected)));
        return lastEdit(user);
    }

    /** Presses a button and waits for the new message that follows. */
    JsonNode pressReply(long user, JsonNode message, String label, String expected) {
        int before = sentCount(user);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 4242));
        return awaitNew(user, before, expected);
    }

    JsonNode type(long user, String text, String expected) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, text));
        return awaitNew(user, before, expected);
    }

    JsonNode awaitNew(long user, int before, String expected) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            found[0] = telegram.sentTo(token, user).stream().skip(before)
                    .filter(b -> FakeTelegram.textContains(b, expected)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    String dayAhead(int days) {
        LocalDate d = ServiceZone.today(clock).plusDays(days);
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    long launch(String title) {
        JsonNode menu = type(leader, "/khaosat", "khảo sát");
        JsonNode forms = pressReply(leader, menu, "Mở đợt khảo sát mới", "Chị chọn phiếu");
        JsonNode audience = pressEdit(leader, forms, title, "Chị gửi phiếu cho ai");
        JsonNode opens = pressEdit(leader, audience, "Toàn bộ " + branch.name(), "Khi nào mở phiếu");
        pressEdit(leader, opens, "Mở ngay", "Hạn trả lời");
        JsonNode preview = type(leader, dayAhead(7), "Hội viên sẽ nhận được tin này");
        assertThat(preview.path("text").asText()).contains(title).contains("2 hội viên");
        JsonNode done = pressEdit(leader, preview, "Xác nhận", "Đã mở đợt khảo sát");
        return Long.parseLong(done.path("text").asText().replaceAll("(?s).*#(\\d+).*", "$1"));
    }

    String answer(long run, String question) {
        return jdbc.queryForObject("""
                select a.answer_value from survey_answer a join survey_response r on r.id = a.response_id
                 where r.run_id = ? and r.member_id = ? and a.question = ?""", String.class, run, lanId, question);
    }

    @Test
    void aMemberAnswersTheNeedsSurveyLaunchedByHerLeader() {
        long run = launch("Phiếu hỏi nhu cầu");
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
        assertThat(answer(run, "muc_dich_vay")).isEqualTo("chan_nuoi");

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
        assertThat(answer(run, "can_ho_tro")).isEqualTo("vay_von");
        assertThat(answer(run, "so_tien_vay")).isEqualTo("25");
        assertThat(answer(run, "can_them")).isEmpty();
        assertThat(answer(run, "hinh_thuc")).isEqualTo("hop_chi_hoi tap_huan");
        assertThat(answer(run, "so_buoi")).isEqualTo("3");
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
        long run = launch("Phiếu tìm hiểu hoàn cảnh");
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
        assertThat(answer(run, "so_nguoi")).isEqualTo("4");
    }
}
