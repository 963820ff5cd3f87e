package vn.hoibot.broadcast.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.StatementCounter;
import vn.hoibot.broadcast.Reachability;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

/** /thongbao and /baocaogui end to end, over the fake Telegram. */
// its own context (statements counted): closed when done
@org.springframework.test.annotation.DirtiesContext
@org.springframework.context.annotation.Import(StatementCounter.Config.class)
class BroadcastCommandTests extends EndToEndTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Reachability reachability;

    UnitView branch;
    UnitView otherBranch;
    long head;
    long lan;
    long mai;
    long anna;
    long other;
    long group;

    @BeforeEach
    void roster() {
        String prefix = "BC" + SEQ.incrementAndGet();
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(prefix, "Tỉnh Thử", "province", null, from));
        UnitView commune = org.createUnit(new NewUnit(prefix + "-HV", "Xã Hải Vân", "commune", province.id(), from));
        branch = org.createUnit(new NewUnit(prefix + "-D", "Chi hội xóm Đông " + prefix, "branch", commune.id(), from));
        otherBranch = org.createUnit(new NewUnit(prefix + "-T", "Chi hội xóm Tây " + prefix, "branch", commune.id(), from));
        head = linked(member("Trần Thị Hoa", branch), "vi");
        roles.assign(memberIdOf(head), Role.BRANCH_HEAD, branch.id());
        lan = linked(member("Nguyễn Thị Lan", branch), "vi");
        mai = linked(member("Phạm Thị Mai", branch), "vi");
        anna = linked(member("Lê Thị An", branch), "en");
        member("Đỗ Thị Cúc", branch); // not on Telegram
        other = linked(member("Vũ Thị Hằng", otherBranch), "vi");
        group = -1_000_000_000L - SEQ.get();
        jdbc.update("insert into group_binding (channel, chat_id, unit_id, bound_at) values ('telegram', ?, ?, ?)",
                Long.toString(group), branch.id(), OffsetDateTime.now());
    }

    MemberView member(String name, UnitView unit) {
        return directory.create(new NewMember(name, null, 1985, false, false, LocalDate.of(2015, 3, 8), unit.id(),
                Set.of(), null));
    }

    long linked(MemberView member, String language) {
        long user = newUserId();
        jdbc.update("""
                insert into member_account (member_id, channel, user_id, chat_id, language, linked_at)
                values (?, 'telegram', ?, ?, ?, ?)""", member.id(), Long.toString(user), Long.toString(user), language,
                OffsetDateTime.now());
        return user;
    }

    long memberIdOf(long user) {
        return jdbc.queryForObject("select member_id from member_account where user_id = ?", Long.class,
                Long.toString(user));
    }

    /** Composes "text" to her whole branch and returns the confirmation message (Gửi ngay / Hẹn giờ). */
    JsonNode compose(String text) {
        say(head, "/thongbao", sentCount(head) + 1);
        JsonNode audiences = say(head, text, sentCount(head) + 1);
        int before = sentCount(head);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(audiences, "Toàn bộ " + branch.name()), 11));
        return telegram.awaitMessage(token, head, before + 3);
    }

    @Test
    void sendsHerNoticeToHerBranchAndItsGroupOnlyAfterSheConfirms() {
        JsonNode confirm = compose("Họp chi hội 19h thứ Sáu tại nhà văn hoá");
        JsonNode preview = telegram.sentTo(token, head).get(sentCount(head) - 2);
        assertThat(preview.path("text").asText()).isEqualTo("Họp chi hội 19h thứ Sáu tại nhà văn hoá");
        assertThat(confirm.path("text").asText()).contains("4 người và 1 nhóm"); // she is a member of her branch too
        assertThat(sentCount(lan) + sentCount(mai) + sentCount(anna) + sentCount(group)).isZero();

        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 41));

        for (long chat : new long[] { lan, mai, anna, group }) {
            JsonNode notice = telegram.awaitMessage(token, chat, 1);
            assertThat(notice.path("text").asText()).isEqualTo("Họp chi hội 19h thứ Sáu tại nhà văn hoá");
        }
        assertThat(FakeTelegram.buttonData(telegram.sentTo(token, lan).get(0), "Đã đọc")).isNotBlank();
        assertThat(FakeTelegram.buttonData(telegram.sentTo(token, anna).get(0), "Read")).isNotBlank();
        assertThat(telegram.sentTo(token, group).get(0).path("reply_markup").path("inline_keyboard").size()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("message_id").asInt() == 41 && e.path("text").asText().startsWith("Đã gửi xong")
                        && e.path("text").asText().contains("5 người đã nhận")));
        await().during(Duration.ofMillis(300)).until(() -> sentCount(other) == 0 && sentCount(lan) == 1);
    }

    @Test
    void refusesAnEmptyOrTooLongNoticeAndQueuesNothing() {
        say(head, "/thongbao", sentCount(head) + 1);
        JsonNode tooLong = say(head, "x".repeat(4097), sentCount(head) + 1);
        assertThat(tooLong.path("text").asText()).contains("4.097").contains("4.096");
        JsonNode stillAsking = say(head, "Nội dung ngắn", sentCount(head) + 1);
        assertThat(stillAsking.path("text").asText()).contains("Chị chọn người nhận");
        assertThat(jdbc.queryForObject("select count(*) from broadcast where audience like ?", Integer.class,
                "%" + branch.name() + "%")).isZero();
    }

    @Autowired
    vn.hoibot.meeting.Activities activities;
    @Autowired
    vn.hoibot.meeting.Rsvps rsvps;
    @Autowired
    vn.hoibot.access.AccessPolicy policy;

    @Autowired
    vn.hoibot.member.Accounts accounts;

    @Test
    void sendsToTheMembersWhoHaveNotAnsweredAnActivitysInvitation() {
        java.time.Instant start = java.time.Instant.now().plus(Duration.ofDays(3));
        var activity = activities.create(accounts.actorOf(memberIdOf(head)), new vn.hoibot.meeting.ActivityDraft(
                branch.id(), "monthly", "Sinh hoạt tháng " + branch.code(), start, start.plus(Duration.ofHours(2)),
                "Nhà văn hoá", null, null, vn.hoibot.meeting.AudienceKind.SUBTREE, Set.of(branch.id())));
        rsvps.answer(activity.id(), memberIdOf(lan), vn.hoibot.meeting.Rsvp.YES);
        // the head who announced it is invited but not asked her own question; Mai is
        telegram.awaitSent(token, mai, b -> b.path("text").asText().contains("Sinh hoạt tháng " + branch.code()));
        assertThat(telegram.sentTo(token, head).stream()
                .noneMatch(b -> b.path("text").asText().contains("Sinh hoạt tháng " + branch.code()))).isTrue();

        say(head, "/thongbao", sentCount(head) + 1);
        JsonNode audiences = say(head, "Chị em nhớ trả lời lời mời nhé", sentCount(head) + 1);
        int before = sentCount(head);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(audiences, "Chưa trả lời: Sinh hoạt tháng " + branch.code()), 12));
        JsonNode confirm = telegram.awaitMessage(token, head, before + 3);
        assertThat(confirm.path("text").asText()).contains("3 người (").doesNotContain("0 nhóm"); // head, Mai, Anna; not Lan
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 43));

        for (long chat : new long[] { mai, anna }) {
            telegram.awaitSent(token, chat, b -> b.path("text").asText().equals("Chị em nhớ trả lời lời mời nhé"));
        }
        await().during(Duration.ofMillis(500)).until(() -> telegram.sentTo(token, lan).stream()
                .noneMatch(b -> b.path("text").asText().equals("Chị em nhớ trả lời lời mời nhé")));
        assertThat(telegram.sentTo(token, group)).noneMatch(b -> b.path("text").asText().equals("Chị em nhớ trả lời lời mời nhé"));
    }

    @Test
    void keepsTheFormattingOfHerNotice() {
        say(head, "/thongbao", sentCount(head) + 1);
        com.fasterxml.jackson.databind.node.ObjectNode update = FakeTelegram.text(head, "Họp gấp tối nay");
        ((com.fasterxml.jackson.databind.node.ObjectNode) update.get("message")).putArray("entities").addObject()
                .put("type", "bold").put("offset", 4).put("length", 3);
        int before = sentCount(head);
        deliver(update);
        JsonNode audiences = telegram.awaitMessage(token, head, before + 1);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(audiences, "Toàn bộ " + branch.name()), 13));
        JsonNode confirm = telegram.awaitMessage(token, head, before + 4);
        JsonNode preview = telegram.sentTo(token, head).get(before + 2);
        assertThat(preview.path("text").asText()).isEqualTo("Họp <b>gấp</b> tối nay");
        assertThat(preview.path("parse_mode").asText()).isEqualTo("HTML");
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 44));
        JsonNode notice = telegram.awaitSent(token, lan, b -> b.path("text").asText().contains("<b>gấp</b>"));
        assertThat(notice.path("parse_mode").asText()).isEqualTo("HTML");
    }

    @Test
    void sendsAPhotoWithItsCaptionAsAPhoto() {
        say(head, "/thongbao", sentCount(head) + 1);
        com.fasterxml.jackson.databind.node.ObjectNode update = FakeTelegram.text(head, "x");
        com.fasterxml.jackson.databind.node.ObjectNode message = (com.fasterxml.jackson.databind.node.ObjectNode) update.get("message");
        message.remove("text");
        message.put("caption", "Ảnh buổi sinh hoạt");
        message.putArray("photo").addObject().put("file_id", "photo-" + branch.code()).put("file_unique_id", "p")
                .put("width", 800).put("height", 600).put("file_size", 50_000);
        int before = sentCount(head);
        deliver(update);
        JsonNode audiences = telegram.awaitMessage(token, head, before + 1);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(audiences, "Toàn bộ " + branch.name()), 14));
        JsonNode confirm = telegram.awaitMessage(token, head, before + 4);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 45));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.requests(token, "sendphoto").stream()
                .anyMatch(b -> b.path("chat_id").asText().equals(Long.toString(lan))
                        && b.path("caption").asText().equals("Ảnh buổi sinh hoạt")
                        && b.path("photo").asText().equals("photo-" + branch.code())));
    }

    @Test
    void addsALinkButtonSheAsksFor() {
        JsonNode confirm = compose("Kế hoạch năm mới");
        int before = sentCount(head);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Thêm nút liên kết"), 46));
        telegram.awaitMessage(token, head, before + 1);
        JsonNode refused = say(head, "không có link", before + 2);
        assertThat(refused.path("text").asText()).contains("Tên nút | https://");
        int now = sentCount(head);
        deliver(FakeTelegram.text(head, "Xem kế hoạch | https://hoiphunu.vn/ke-hoach"));
        JsonNode again = telegram.awaitMessage(token, head, now + 3);
        JsonNode preview = telegram.sentTo(token, head).get(now + 1);
        assertThat(preview.path("reply_markup").path("inline_keyboard").get(1).get(0).path("url").asText())
                .isEqualTo("https://hoiphunu.vn/ke-hoach");
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(again, "Gửi ngay"), 47));
        JsonNode notice = telegram.awaitSent(token, lan, b -> b.path("text").asText().equals("Kế hoạch năm mới"));
        assertThat(notice.path("reply_markup").path("inline_keyboard").get(1).get(0).path("text").asText())
                .isEqualTo("Xem kế hoạch");
    }

    @Test
    void showsSendingAtOnceEvenWhenFloodControlHoldsTheFirstSendsBack() {
        // Telegram's flood control refuses the sends to her branch for a while, and its answer to her press is slow
        StubMapping flood = telegram.server().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(lan)))).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 6\","
                                + "\"parameters\":{\"retry_after\":6}}")));
        StubMapping slowAnswer = telegram.server().stubFor(post(urlPathMatching("(?i)/bot.*/answercallbackquery"))
                .atPriority(1).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"result\":true}")));
        try {
            JsonNode confirm = compose("Họp chi hội, mạng đang nghẽn");
            long pressed = System.nanoTime();
            deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 46));
            JsonNode[] sending = new JsonNode[1];
            await().atMost(Duration.ofSeconds(15)).until(() -> telegram.requests(token, "editmessagetext").stream()
                    .filter(e -> e.path("message_id").asInt() == 46 && e.path("text").asText().startsWith("⏳ Đang gửi"))
                    .peek(e -> sending[0] = e).findFirst().isPresent());
            // at once: before the 6 s that flood control holds the first send back (the press's answer takes 1.5 s)
            assertThat(Duration.ofNanos(System.nanoTime() - pressed)).isLessThan(Duration.ofMillis(4500));
            JsonNode keyboard = sending[0].path("reply_markup").path("inline_keyboard");
            assertThat(keyboard.size()).isEqualTo(1);
            assertThat(keyboard.get(0).size()).isEqualTo(1);
            assertThat(keyboard.get(0).get(0).path("text").asText()).contains("Dừng gửi");
        } finally {
            telegram.server().removeStub(flood);
            telegram.server().removeStub(slowAnswer);
        }
        telegram.awaitMessage(token, mai, 1);
    }

    @Test
    void refusesAPlainMember() {
        JsonNode reply = say(lan, "/thongbao", 1);
        assertThat(reply.path("text").asText()).contains("chưa được giao quyền gửi thông báo");
    }

    @Test
    void reportsDeliveryWithTheUnreachableAsAFile() {
        StubMapping blocked = telegram.server().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(mai)))).atPriority(1)
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}")));
        JsonNode confirm = compose("Nộp hội phí quý IV");
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 42));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("message_id").asInt() == 42 && e.path("text").asText().startsWith("Đã gửi xong")));
        long id = jdbc.queryForObject("select max(id) from broadcast where unit_id = ?", Long.class, branch.id());

        int before = sentCount(head);
        JsonNode report = say(head, "/baocaogui " + id, before + 1);
        assertThat(report.path("text").asText()).contains("Không liên lạc được: 1").contains("Đã nhận: 4");
        JsonNode file = telegram.awaitMessage(token, head, before + 2);
        assertThat(file.path("caption").asText()).contains("Danh sách 1 người");
        assertThat(file.path("document_text").asText()).isEqualTo("\uFEFFMã hội viên,Họ và tên,Số điện thoại,Lý do\r\n"
                + memberIdOf(mai) + ",Phạm Thị Mai,,Đã chặn bot hoặc không còn tài khoản\r\n");

        // a joiner who names herself as a formula, on several lines: inert and quoted in the file
        jdbc.update("update member set full_name = ? where id = ?", "=HYPERLINK(\"http://x.example\",\"Mở\")\nMai\n",
                memberIdOf(mai));
        file = say(head, "/baocaogui " + id, before + 4);
        assertThat(file.path("document_text").asText()).endsWith(memberIdOf(mai)
                + ",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Mở\"\")\nMai\n\",,Đã chặn bot hoặc không còn tài khoản\r\n");

        JsonNode refused = say(other, "/baocaogui " + id, sentCount(other) + 1);
        assertThat(refused.path("text").asText()).contains("Không tìm thấy thông báo #" + id);

        assertThat(reachability.isReachable("telegram", Long.toString(mai))).isFalse();
        telegram.server().removeStub(blocked); // she unblocked the bot and writes to it
        deliver(FakeTelegram.text(mai, "/help"));
        await().until(() -> reachability.isReachable("telegram", Long.toString(mai)));
    }

    @Test
    void writesTheCallListInStatementsThatDoNotGrowWithIt() {
        JsonNode confirm = compose("Lịch khám sức khỏe tháng 12");
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 48));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("message_id").asInt() == 48 && e.path("text").asText().startsWith("Đã gửi xong")));
        long id = jdbc.queryForObject("select max(id) from broadcast where unit_id = ?", Long.class, branch.id());
        unreachable(id, 3);
        long few = statementsOfReport(id, 3);
        unreachable(id, 30);
        long many = statementsOfReport(id, 33);
        // one look-up per member would cost 60 more; a few may differ with the worker's own bookkeeping
        assertThat(many - few).as("statements for 33 rows (%d) against 3 rows (%d)", many, few).isLessThan(5);
    }

    private void unreachable(long broadcast, int n) {
        for (int i = 0; i < n; i++) {
            MemberView m = member("Hội viên chưa nhận " + i, branch);
            jdbc.update("""
                    insert into outbox (broadcast_id, channel, chat_id, member_id, is_group, variant, status,
                        next_attempt_at, last_error) values (?, 'telegram', ?, ?, false, 'vi', 'UNREACHABLE', ?, ?)""",
                    broadcast, "9" + m.id(), m.id(), OffsetDateTime.now(), "BLOCKED");
        }
    }

    /** Statements the chat worker ran for /baocaogui, whose call list has {@code rows} people. */
    private long statementsOfReport(long broadcast, int rows) {
        int before = sentCount(head);
        StatementCounter.reset();
        JsonNode file = say(head, "/baocaogui " + broadcast, before + 2);
        assertThat(file.path("caption").asText()).contains("Danh sách " + rows + " người");
        await().pollDelay(Duration.ofMillis(500)).until(() -> true); // the worker's bookkeeping after the send
        return StatementCounter.countOn("chat-worker");
    }

    @Test
    void schedulesANoticeForALaterTimeAndSendsNothingYet() {
        JsonNode confirm = compose("Ngày 20/10 mít tinh kỷ niệm");
        int before = sentCount(head);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Hẹn giờ"), 43));
        assertThat(telegram.awaitMessage(token, head, before + 1).path("text").asText()).contains("7h sáng mai");

        JsonNode past = say(head, "01/01/2020 07:30", before + 2);
        assertThat(past.path("text").asText()).contains("Thứ Tư 01/01/2020, 07:30").contains("đã qua");
        JsonNode question = say(head, "mai 5h", before + 3); // 5 o'clock: morning or afternoon? asked, not guessed
        assertThat(question.path("text").asText()).contains("5:00 sáng hay 17:00 chiều");
        java.time.LocalDate tomorrow = java.time.LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
        JsonNode scheduled = say(head, "chiều", before + 4);
        assertThat(scheduled.path("text").asText()).contains("Đã hẹn gửi thông báo")
                .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(tomorrow) + ", 17:00");

        long id = jdbc.queryForObject("select max(id) from broadcast where unit_id = ?", Long.class, branch.id());
        assertThat(jdbc.queryForObject("select status from broadcast where id = ?", String.class, id))
                .isEqualTo("SCHEDULED");
        await().during(Duration.ofMillis(500)).until(() -> sentCount(lan) == 0);
    }

    @Test
    void discardPressedRightAfterSendNowDoesNotClaimToHaveDiscardedIt() {
        JsonNode confirm = compose("Họp chi hội, gửi rồi hủy");
        int before = sentCount(head);
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Gửi ngay"), 45));
        deliver(FakeTelegram.button(head, FakeTelegram.buttonData(confirm, "Hủy"), 45));
        telegram.awaitMessage(token, lan, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.sentTo(token, head).stream().skip(before)
                .anyMatch(b -> b.path("text").asText().contains("hết hạn")));
        assertThat(telegram.requests(token, "editmessagetext"))
                .noneMatch(e -> e.path("text").asText().contains("Đã hủy, không gửi gì"));
    }
}
