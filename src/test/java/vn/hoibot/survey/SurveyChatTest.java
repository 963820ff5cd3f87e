package vn.hoibot.survey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.ServiceZone;

/** What survey end-to-end tests do in a chat: members linked by phone, typing, pressing, sending documents, launching. */
abstract class SurveyChatTest extends EndToEndTest {

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
    Clock appClock;

    MemberView member(String name, UnitView unit) {
        String phone = "09" + String.format("%08d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 100_000_000L);
        return directory.create(new NewMember(name, phone, 1980, false, false, LocalDate.of(2015, 3, 8), unit.id(),
                Set.of(), null));
    }

    /** Links a new Telegram user to the member by the consent and shared-phone steps; her user id. */
    long link(MemberView member) {
        long user = newUserId();
        link(user, member.phone());
        return user;
    }

    void link(long user, String phone) {
        telegram.deliver(token, FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(token, user, b -> b.path("reply_markup").has("inline_keyboard"));
        telegram.deliver(token, FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại"));
        telegram.deliver(token, FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }

    /** Sends a document as Telegram does: the update names a file id, getFile gives its path, the bytes are there. */
    void sendDocument(long user, String fileId, String fileName, byte[] content, long reportedSize) {
        telegram.server().stubFor(get(urlPathEqualTo("/file/bot" + token + "/documents/" + fileId))
                .willReturn(aResponse().withBody(content)));
        ObjectNode update = FakeTelegram.text(user, "x");
        ObjectNode message = (ObjectNode) update.get("message");
        message.remove("text");
        message.set("document", FakeTelegram.node().put("file_id", fileId).put("file_unique_id", fileId)
                .put("file_name", fileName).put("file_size", reportedSize));
        deliver(update);
    }

    /** Sends the workbook and returns the bot's answer. */
    JsonNode upload(long user, String fileName, byte[] content) {
        int before = sentCount(user);
        sendDocument(user, fileName.replace('.', '_') + System.nanoTime(), fileName, content, content.length);
        return telegram.awaitMessage(token, user, before + 1);
    }

    List<JsonNode> editsTo(long user) {
        return telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(user))).toList();
    }

    JsonNode lastEdit(long user) {
        List<JsonNode> edits = editsTo(user);
        return edits.isEmpty() ? null : edits.get(edits.size() - 1);
    }

    int edits(long user) {
        return editsTo(user).size();
    }

    static String labels(JsonNode body) {
        StringBuilder out = new StringBuilder();
        body.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> out.append(b.path("text")
                .asText()).append('|')));
        return out.toString();
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

    /** Types a text and waits for the new message that contains {@code expected}. */
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
        LocalDate d = ServiceZone.today(appClock).plusDays(days);
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
    }

    /** The leader launches the survey of that title for her whole branch, open now, closing in a week; the run id. */
    long launch(long leader, String title, UnitView branch, int members) {
        JsonNode menu = type(leader, "/khaosat", "khảo sát");
        JsonNode forms = pressReply(leader, menu, "Mở đợt khảo sát mới", "Chị chọn phiếu");
        JsonNode audience = pressEdit(leader, forms, title, "Chị gửi phiếu cho ai");
        JsonNode opens = pressEdit(leader, audience, "Toàn bộ " + branch.name(), "Khi nào mở phiếu");
        pressEdit(leader, opens, "Mở ngay", "Hạn trả lời");
        JsonNode preview = type(leader, dayAhead(7), "Hội viên sẽ nhận được tin này");
        assertThat(preview.path("text").asText()).contains(title).contains(members + " hội viên");
        JsonNode done = pressEdit(leader, preview, "Xác nhận", "Đã mở đợt khảo sát");
        return Long.parseLong(done.path("text").asText().replaceAll("(?s).*#(\\d+).*", "$1"));
    }

    /** The stored value of her answer to the question. */
    String answer(long run, long memberId, String question) {
        List<String> values = jdbc.queryForList("""
                select a.answer_value from survey_answer a join survey_response r on r.id = a.response_id
                 where r.run_id = ? and r.member_id = ? and a.question = ?""", String.class, run, memberId, question);
        return values.isEmpty() ? null : values.get(0);
    }
}
