package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * A half-answered survey survives a restart: two application contexts, one after the other, on one database. She
 * answers the first question and ticks one choice of the second before the restart; after it she ticks another on
 * the same message (the ticks live in the stored dialog state), finishes that question, leaves with /khaosat, comes
 * back with "Tiếp tục" at the first question still open, and sends.
 */
class SurveyRestartTests {

    private static final String TOKEN = "3100:survey-restart";

    private final FakeTelegram telegram = FakeTelegram.instance();

    @Test
    void resumesAHalfAnsweredSurveyAfterARestart() {
        String[] args = args(TestDatabaseEnvironment.freshDatabase());
        long user = 881_000_001L;
        String phone = "0913" + String.valueOf(System.nanoTime()).substring(0, 6);
        long memberId;
        long runId;
        JsonNode second;
        try (ConfigurableApplicationContext first = start(args)) {
            OrgService org = first.getBean(OrgService.class);
            LocalDate from = LocalDate.of(2020, 1, 1);
            UnitView province = org.createUnit(new NewUnit("SR", "Tỉnh", "province", null, from));
            UnitView commune = org.createUnit(new NewUnit("SR-X", "Xã Hải Vân", "commune", province.id(), from));
            UnitView branch = org.createUnit(new NewUnit("SR-1", "Chi hội xóm Bắc", "branch", commune.id(), from));
            MemberDirectory directory = first.getBean(MemberDirectory.class);
            MemberView head = directory.create(new NewMember("Phạm Thị Hằng", "0914" + phone.substring(4), 1975,
                    false, false, from, branch.id(), Set.of(), null));
            first.getBean(RoleAssignments.class).assign(head.id(), Role.BRANCH_HEAD, branch.id());
            MemberView lan = directory.create(new NewMember("Đặng Thị Xuân", phone, 1990, false, false, from,
                    branch.id(), Set.of(), null));
            memberId = lan.id();
            link(user, phone);
            Instant now = Instant.now();
            runId = first.getBean(SurveyLaunch.class).launch(first.getBean(Accounts.class).actorOf(head.id()),
                    "gop_y_sinh_hoat", new AudienceSource.Members(branch.id(), branch.name(), null,
                            List.of(memberId)), "u" + branch.id(), now, now.plus(Duration.ofDays(5)));

            JsonNode invitation = telegram.awaitSent(TOKEN, user, b -> FakeTelegram.textContains(b, "Hội mời chị"));
            JsonNode q = pressReply(user, invitation, "Bắt đầu", "mấy điểm");
            second = pressEdit(user, q, "4", "Phần nào có ích");
            second = pressEdit(user, second, "Nội dung được nói", "✓ Nội dung được nói");
        }
        try (ConfigurableApplicationContext again = start(args)) {
            JdbcTemplate jdbc = again.getBean(JdbcTemplate.class);
            JsonNode q = pressEdit(user, second, "Gặp gỡ chị em", "✓ Gặp gỡ chị em");
            assertThat(labels(q)).contains("✓ Nội dung được nói");
            pressEdit(user, q, "Xong", "Lần sau chị có muốn đi nữa không");
            assertThat(answer(jdbc, runId, memberId, "co_ich")).isEqualTo("noi_dung gap_go");

            JsonNode list = type(user, "/khaosat", "Các phiếu khảo sát đang mở");
            assertThat(labels(list)).contains("▶️ Tiếp tục: Góp ý sau buổi sinh hoạt");
            q = pressReply(user, list, "Tiếp tục", "Lần sau chị có muốn đi nữa không");
            assertThat(q.path("text").asText()).contains("Câu 3/4");
            q = pressEdit(user, q, "Có", "Chị góp ý gì");
            JsonNode summary = type(user, "Nên họp sớm hơn", "Chị xem lại câu trả lời");
            assertThat(summary.path("text").asText()).contains("→ 4").contains("→ Nội dung được nói, Gặp gỡ chị em")
                    .contains("→ Có").contains("→ Nên họp sớm hơn");
            pressEdit(user, summary, "Gửi", "Em đã nhận phiếu");
            assertThat(jdbc.queryForObject("select status from survey_response where run_id = ? and member_id = ?",
                    String.class, runId, memberId)).isEqualTo("FINISHED");
            assertThat(List.of(answer(jdbc, runId, memberId, "diem"), answer(jdbc, runId, memberId, "lan_sau"),
                    answer(jdbc, runId, memberId, "gop_y"))).containsExactly("4", "co", "Nên họp sớm hơn");
        }
    }

    private void link(long user, String phone) {
        telegram.deliver(TOKEN, FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(TOKEN, user, b -> b.path("reply_markup").has("inline_keyboard"));
        telegram.deliver(TOKEN, FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(TOKEN, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại"));
        telegram.deliver(TOKEN, FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(TOKEN, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }

    private List<JsonNode> edits(long user) {
        return telegram.requests(TOKEN, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(user))).toList();
    }

    private JsonNode pressEdit(long user, JsonNode message, String label, String expected) {
        int before = edits(user).size();
        telegram.deliver(TOKEN, FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 4242));
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<JsonNode> after = edits(user);
            found[0] = after.stream().skip(before).filter(b -> FakeTelegram.textContains(b, expected)
                    || labels(b).contains(expected)).reduce((a, b) -> b).orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private JsonNode pressReply(long user, JsonNode message, String label, String expected) {
        int before = telegram.sentTo(TOKEN, user).size();
        telegram.deliver(TOKEN, FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 4242));
        return awaitNew(user, before, expected);
    }

    private JsonNode type(long user, String text, String expected) {
        int before = telegram.sentTo(TOKEN, user).size();
        telegram.deliver(TOKEN, FakeTelegram.text(user, text));
        return awaitNew(user, before, expected);
    }

    private JsonNode awaitNew(long user, int before, String expected) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found[0] = telegram.sentTo(TOKEN, user).stream().skip(before)
                    .filter(b -> FakeTelegram.textContains(b, expected)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static String labels(JsonNode body) {
        StringBuilder out = new StringBuilder();
        body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.append(b.path("text")
                .asText()).append('|')));
        return out.toString();
    }

    private static String answer(JdbcTemplate jdbc, long run, long member, String question) {
        return jdbc.queryForObject("""
                select a.answer_value from survey_answer a join survey_response r on r.id = a.response_id
                 where r.run_id = ? and r.member_id = ? and a.question = ?""", String.class, run, member, question);
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE).run(args);
    }

    private static String[] args(Map<String, Object> database) {
        List<String> args = new ArrayList<>();
        database.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--hoibot.test.keep-datasource=true");
        args.add("--hoibot.telegram.token=" + TOKEN);
        args.add("--hoibot.telegram.api-url=" + FakeTelegram.instance().url());
        return args.toArray(String[]::new);
    }
}
