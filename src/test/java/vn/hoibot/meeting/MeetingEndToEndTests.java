package vn.hoibot.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

/**
 * A leader creates an activity through the bot, the reminder fires through Quartz, members answer with the
 * buttons, the leader takes attendance and a member checks in with the code: everything over WireMock, with the
 * records checked in the database. Time is moved with {@link TestClock} (see there how Quartz follows).
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(TestClock.Config.class)
@TestPropertySource(properties = { "hoibot.broadcast.poll-interval=50ms", "hoibot.meeting.page-size=2",
        "spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        // its own scheduler name: Quartz's JVM-wide registry would otherwise hand this context's job store the
        // connections of another test context started later (and that context's scheduler this database)
        "spring.quartz.scheduler-name=meeting-e2e" })
class MeetingEndToEndTests extends EndToEndTest {

    static final ZoneId VIETNAM = vn.hoibot.time.ServiceZone.VIETNAM;

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    Reminders reminders;

    MeetingFixtures tree;
    long leader;
    long lan;
    long hoa;
    long mai;
    MemberView lanMember;
    MemberView hoaMember;

    @BeforeEach
    void roster() {
        tree = new MeetingFixtures(org, directory);
        MemberView head = tree.member("Phạm Thị Hằng", tree.branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, tree.branch.id());
        lanMember = tree.member("Nguyễn Thị Lan", tree.group);
        hoaMember = tree.member("Trần Thị Hoa", tree.branch);
        MemberView maiMember = tree.member("Vũ Thị Mai", tree.otherBranch);
        // she left the Union, and another one died: neither is invited nor on the checklist ("mời 3 hội viên" below)
        jdbc.update("update member set status = 'LEFT' where id = ?", tree.member("Đỗ Thị Mơ", tree.branch).id());
        jdbc.update("update member set status = 'DECEASED' where id = ?", tree.member("Hà Thị Nụ", tree.group).id());
        leader = newUserId();
        lan = newUserId();
        hoa = newUserId();
        mai = newUserId();
        MeetingFixtures.link(telegram, token, leader, head.phone());
        MeetingFixtures.link(telegram, token, lan, lanMember.phone());
        MeetingFixtures.link(telegram, token, hoa, hoaMember.phone());
        MeetingFixtures.link(telegram, token, mai, maiMember.phone());
    }

    /** Notices from the outbox (announcements, reminders, changes) may arrive between a command and its reply. */
    static boolean isNotice(JsonNode body) {
        String text = body.path("text").asText();
        return text.startsWith("📣") || text.startsWith("🔔") || text.startsWith("✏️") || text.startsWith("❌");
    }

    /** The first message after the {@code before}-th one to her chat that is a reply, not a notice. */
    JsonNode replyAfter(long user, int before) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<JsonNode> sent = telegram.sentTo(token, user);
            found[0] = sent.stream().skip(before).filter(b -> !isNotice(b)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    JsonNode next(long user, String text) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, text));
        return replyAfter(user, before);
    }

    JsonNode press(long user, JsonNode message, String label) {
        int before = sentCount(user);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(message, label), 500));
        return replyAfter(user, before);
    }

    JsonNode lastEdit(long user) {
        List<JsonNode> edits = telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(user))).toList();
        return edits.isEmpty() ? null : edits.get(edits.size() - 1);
    }

    JsonNode awaitEdit(long user, String part) {
        await().until(() -> lastEdit(user) != null && FakeTelegram.textContains(lastEdit(user), part));
        return lastEdit(user);
    }

    List<String> toasts() {
        return telegram.requests(token, "answercallbackquery").stream().map(b -> b.path("text").asText()).toList();
    }

    /** "d/M 19h30" for the day {@code days} ahead of the test clock. */
    String dayAhead(int days, String time) {
        LocalDate d = LocalDate.now(clock).plusDays(days);
        return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear() + " " + time;
    }

    /** Walks /taohop to the preview (type, time, place), renames it; returns the preview message. */
    JsonNode createUpToPreview(String title, String start) {
        JsonNode type = next(leader, "/taohop");
        JsonNode askStart = press(leader, type, "Sinh hoạt chi hội");
        assertThat(askStart.path("text").asText()).contains("bắt đầu lúc nào");
        next(leader, start);
        JsonNode preview = next(leader, "Nhà văn hóa xóm Đông");
        press(leader, preview, "Đổi tên");
        return next(leader, title);
    }

    long create(String title, String start) {
        JsonNode preview = createUpToPreview(title, start);
        assertThat(preview.path("text").asText()).contains(title).contains("Nhà văn hóa xóm Đông")
                .contains("Chi hội xóm Đông");
        return confirm(preview);
    }

    /** Presses Xác nhận under a preview; returns the new activity's number. */
    long confirm(JsonNode preview) {
        int edits = telegram.requests(token, "editmessagetext").size();
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(preview, "Xác nhận"), 501));
        await().until(() -> telegram.requests(token, "editmessagetext").stream().skip(edits)
                .anyMatch(b -> FakeTelegram.textContains(b, "Đã tạo hoạt động")));
        JsonNode done = telegram.requests(token, "editmessagetext").stream().skip(edits)
                .filter(b -> FakeTelegram.textContains(b, "Đã tạo hoạt động")).findFirst().orElseThrow();
        return Long.parseLong(done.path("text").asText().replaceAll("(?s).*/dangky (\\d+).*", "$1"));
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    void remindsInvitedMembersTakesAnswersAndRecordsAttendance() {
        long id = create("Sinh hoạt chi hội tháng 3", dayAhead(3, "19h30"));
        Instant start = jdbc.queryForObject("select starts_at from activity where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
        assertThat(start.atZone(VIETNAM).toLocalTime()).hasToString("19:30");
        assertThat(count("select count(*) from activity_reminder where activity_id = ? and status = 'PENDING'", id))
                .isEqualTo(2);

        // announced to the branch (Lan is in its group), not to the other branch
        JsonNode announced = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Thông báo hoạt động mới"));
        telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "Thông báo hoạt động mới"));
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(announced, "Tham gia"), 8)); // Lan says yes at once
        await().until(() -> count("select count(*) from activity_rsvp where activity_id = ? and answer = 'YES'", id) == 1);

        // one day before: the 24h reminder fires through Quartz
        clock.moveTo(start.minus(Duration.ofHours(24)).minusSeconds(1));
        reminders.realign();
        JsonNode reminder = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Nhắc lịch"));
        assertThat(reminder.path("text").asText()).contains("Sinh hoạt chi hội tháng 3").contains("19:30");
        // her reminder states the answer she gave, with the buttons to change it (hers ticked), not the question
        assertThat(reminder.path("text").asText()).contains("Chị đã báo: Tham gia").doesNotContain("được không?");
        assertThat(reminder.path("reply_markup").path("inline_keyboard").get(0).get(0).path("text").asText())
                .isEqualTo("✓ Tham gia");
        JsonNode asked = telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "Nhắc lịch"));
        assertThat(asked.path("text").asText()).endsWith("Chị có tham gia được không?").doesNotContain("đã báo");
        assertThat(jdbc.queryForObject("select audience from broadcast where kind = 'REMINDER' and unit_id = ? "
                + "order by id desc limit 1", String.class, tree.branch.id()))
                .startsWith("Người được mời dự \"Sinh hoạt chi hội tháng 3\" (");
        assertThat(telegram.sentTo(token, mai).stream().noneMatch(b -> FakeTelegram.textContains(b, "tháng 3"))).isTrue();
        await().until(() -> count("select count(*) from activity_reminder where activity_id = ? and status = 'SENT'", id) == 1);

        // answers by button; Mai was not invited, her press changes nothing
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(reminder, "Không tham gia"), 9));
        await().until(() -> count("select count(*) from activity_rsvp where activity_id = ? and answer = 'NO'", id) == 1);
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(reminder, "Tham gia"), 9)); // she changes her mind
        deliver(FakeTelegram.button(hoa, FakeTelegram.buttonData(reminder, "Chưa chắc"), 9));
        int maiBefore = sentCount(mai);
        deliver(FakeTelegram.button(mai, FakeTelegram.buttonData(reminder, "Tham gia"), 9));
        await().until(() -> toasts().stream().anyMatch(t -> t.contains("không có trong danh sách được mời"))
                || sentCount(mai) > maiBefore);
        await().until(() -> count("select count(*) from activity_rsvp where activity_id = ? and answer = 'YES'", id) == 1
                && count("select count(*) from activity_rsvp where activity_id = ?", id) == 2);
        assertThat(count("select count(*) from activity_rsvp where activity_id = ? and member_id = ? and answer = 'YES'",
                id, lanMember.id())).isOne();

        JsonNode answers = next(leader, "/dangky " + id);
        assertThat(answers.path("text").asText()).contains("mời 3 hội viên, 1 người chưa trả lời")
                .contains("Tham gia: 1 Nguyễn Thị Lan").contains("Chưa chắc: 1 Trần Thị Hoa");

        // the activity starts: the 2h reminder, fired late, is dropped rather than sent
        clock.moveTo(start.plus(Duration.ofMinutes(10)));
        reminders.realign();
        await().until(() -> count("select count(*) from activity_reminder where activity_id = ? and status = 'DROPPED'", id) == 1);
        assertThat(telegram.sentTo(token, lan).stream().filter(b -> FakeTelegram.textContains(b, "Nhắc lịch")).count())
                .isOne();

        // too late to move it
        assertThat(next(leader, "/doihop " + id + " " + dayAhead(2, "19h")).path("text").asText())
                .contains("đã bắt đầu hoặc đã diễn ra");

        // too late to change her answer
        deliver(FakeTelegram.button(lan, FakeTelegram.buttonData(reminder, "Không tham gia"), 9));
        await().until(() -> toasts().stream().anyMatch(t -> t.contains("không đổi trả lời được nữa"))
                || telegram.sentTo(token, lan).stream().anyMatch(b -> FakeTelegram.textContains(b, "không đổi trả lời")));
        assertThat(count("select count(*) from activity_rsvp where activity_id = ? and member_id = ? and answer = 'YES'",
                id, lanMember.id())).isOne();

        // the leader's checklist, two per page: Lan is on page 1 (sorted by name), Hoa on page 2
        JsonNode checklist = next(leader, "/diemdanh " + id);
        assertThat(checklist.path("text").asText()).contains("có mặt 0/3").contains("Trang 1/2");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(checklist, "Nguyễn Thị Lan"), 600));
        JsonNode edited = awaitEdit(leader, "có mặt 1/3");
        assertThat(FakeTelegram.buttonData(edited, "✅ Nguyễn Thị Lan")).isNotEmpty();
        // a wrong press, corrected: a new record supersedes, nothing is overwritten
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(edited, "Nguyễn Thị Lan"), 600));
        JsonNode corrected = awaitEdit(leader, "có mặt 0/3");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(corrected, "Nguyễn Thị Lan"), 600));
        awaitEdit(leader, "có mặt 1/3");
        assertThat(count("select count(*) from participation where activity_id = ? and member_id = ?", id,
                lanMember.id())).isEqualTo(3);
        assertThat(count("""
                select count(*) from participation where activity_id = ? and member_id = ? and superseded_by is null
                and present = true and method = 'LEADER' and recorded_by is not null""", id, lanMember.id())).isOne();

        // Hoa checks in herself: a wrong code first, then the one read out
        String code = jdbc.queryForObject("select checkin_code from activity where id = ?", String.class, id);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(next(hoa, "/comat " + wrong).path("text").asText()).contains("không đúng hoặc đã hết hạn");
        assertThat(count("select count(*) from participation where member_id = ?", hoaMember.id())).isZero();
        assertThat(next(hoa, "/comat " + code).path("text").asText()).contains("Đã ghi nhận chị có mặt");
        assertThat(next(hoa, "/comat " + code).path("text").asText()).contains("có mặt ở").contains("rồi");
        assertThat(count("""
                select count(*) from participation where activity_id = ? and member_id = ? and method = 'CODE'
                and recorded_by = member_id and present = true""", id, hoaMember.id())).isOne();

        assertThat(next(lan, "/thamgia").path("text").asText()).contains("Sinh hoạt chi hội tháng 3")
                .contains("tham gia 1 hoạt động");

        // her /lichhop lists it with a leader's buttons (started: no Đổi giờ, Sửa, Hủy any more); Điểm danh opens
        // the checklist, where she marks herself
        JsonNode item = agendaItem(leader, id);
        assertThat(item.path("reply_markup").toString()).doesNotContain("Đổi giờ").doesNotContain("Hủy");
        JsonNode list = press(leader, item, "Điểm danh");
        assertThat(list.path("text").asText()).contains("có mặt 2/3");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(list, "Phạm Thị Hằng"), 605));
        awaitEdit(leader, "có mặt 3/3");

        // the checklist: page 2, and a search by name
        JsonNode page1 = next(leader, "/diemdanh " + id);
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(page1, "Sau"), 610));
        JsonNode page2 = awaitEdit(leader, "Trang 2/2");
        assertThat(FakeTelegram.buttonData(page2, "✅ Trần Thị Hoa")).isNotEmpty();
        JsonNode askName = press(leader, page2, "Tìm theo tên");
        assertThat(askName.path("text").asText()).contains("một phần tên");
        JsonNode found = next(leader, "hang");
        assertThat(found.path("text").asText()).contains("Đang lọc theo tên: hang").contains("Trang 1/1");
        assertThat(FakeTelegram.buttonData(found, "✅ Phạm Thị Hằng")).isNotEmpty();
        // Hằng, search, and the QR code while members may check in
        assertThat(found.path("reply_markup").path("inline_keyboard").size()).isEqualTo(3);


        // the code expires with the activity window
        clock.moveTo(start.plus(Duration.ofHours(5)));
        assertThat(next(lan, "/comat " + code).path("text").asText()).contains("không đúng hoặc đã hết hạn");
    }

    @Test
    void checksHerInWhenSheScansTheLeadersQrCodeAndRefusesAnOldOne() throws Exception {
        long id = create("Sinh hoạt có mã QR", dayAhead(2, "19h"));
        Instant start = jdbc.queryForObject("select starts_at from activity where id = ?", java.sql.Timestamp.class, id)
                .toInstant();
        clock.moveTo(start.plus(Duration.ofMinutes(5)));

        // the leader shows the QR code from her checklist
        JsonNode checklist = next(leader, "/diemdanh " + id);
        int photos = telegram.files(token, leader, "sendphoto", "photo").size();
        JsonNode shown = press(leader, checklist, "Mã QR điểm danh");
        assertThat(shown.path("caption").asText()).contains("Mã QR điểm danh \"Sinh hoạt có mã QR\"")
                .contains("dùng được đến");
        assertThat(shown.path("reply_markup").asText()).contains("🔄 Mã mới"); // multipart: the keyboard as JSON text
        await().until(() -> telegram.files(token, leader, "sendphoto", "photo").size() > photos);
        List<byte[]> files = telegram.files(token, leader, "sendphoto", "photo");
        String link = decodeQr(files.get(files.size() - 1));
        assertThat(link).matches("https://t\\.me/hoibot_test_bot\\?start=dd_" + id + "_[A-Za-z0-9_-]{12}");
        String payload = link.substring(link.indexOf("start=") + "start=".length());

        // Hoa scans it: her camera opens the link, and Telegram sends the bot /start with its payload
        assertThat(next(hoa, "/start " + payload).path("text").asText())
                .contains("Đã ghi nhận chị có mặt ở \"Sinh hoạt có mã QR\"");
        assertThat(count("""
                select count(*) from participation where activity_id = ? and member_id = ? and method = 'QR'
                and present = true and superseded_by is null""", id, hoaMember.id())).isOne();

        // ✋ Có mặt under /lichhop proves nothing about where she is: it asks for the code read out there
        JsonNode item = memberItem(lan, id);
        JsonNode ask = press(lan, item, "Có mặt");
        assertThat(ask.path("text").asText()).contains("gõ mã điểm danh");
        assertThat(count("select count(*) from participation where activity_id = ? and member_id = ?", id,
                lanMember.id())).isZero();
        String code = jdbc.queryForObject("select checkin_code from activity where id = ?", String.class, id);
        assertThat(next(lan, code).path("text").asText()).contains("Đã ghi nhận chị có mặt");
        assertThat(count("select count(*) from participation where activity_id = ? and member_id = ? and method = 'CODE'",
                id, lanMember.id())).isOne();

        // two rotations later the old picture, sent around, checks nobody in
        clock.moveTo(start.plus(Duration.ofMinutes(16)));
        assertThat(next(leader, "/start " + payload).path("text").asText()).contains("Mã QR này đã cũ");
        assertThat(next(leader, "/start dd_" + id + "_AAAAAAAAAAAA").path("text").asText()).contains("Mã QR này đã cũ");
        assertThat(count("select count(*) from participation where activity_id = ? and method = 'QR'", id)).isOne();
    }

    static String decodeQr(byte[] png) throws Exception {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)));
        return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText();
    }

    /** Sends /lichhop and waits for the leader's message about activity {@code id}, with its buttons. */
    JsonNode agendaItem(long user, long id) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, "/lichhop"));
        await().until(() -> telegram.sentTo(token, user).stream().skip(before)
                .anyMatch(b -> FakeTelegram.textContains(b, "#" + id + " ") && b.toString().contains("Điểm danh")));
        return telegram.sentTo(token, user).stream().skip(before)
                .filter(b -> FakeTelegram.textContains(b, "#" + id + " ") && b.toString().contains("Điểm danh"))
                .findFirst().orElseThrow();
    }

    /** Sends /lichhop as a member and waits for her message about activity {@code id}. */
    JsonNode memberItem(long user, long id) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, "/lichhop"));
        await().until(() -> telegram.sentTo(token, user).stream().skip(before)
                .anyMatch(b -> FakeTelegram.textContains(b, "#" + id + " ")));
        return telegram.sentTo(token, user).stream().skip(before)
                .filter(b -> FakeTelegram.textContains(b, "#" + id + " ")).findFirst().orElseThrow();
    }

    @Test
    void listsHerUpcomingActivitiesWithHerAnswer() {
        long id = create("Hội thi nấu ăn", dayAhead(5, "18h"));
        JsonNode announcement = telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "Hội thi nấu ăn"));
        deliver(FakeTelegram.button(hoa, FakeTelegram.buttonData(announcement, "Tham gia"), 3));
        await().until(() -> count("select count(*) from activity_rsvp where activity_id = ?", id) == 1);
        // the announcement she pressed on now says her answer (edited, not a new message)
        JsonNode answered = awaitEdit(hoa, "✓ Chị sẽ tham gia");
        assertThat(answered.path("message_id").asLong()).isEqualTo(3);
        assertThat(FakeTelegram.buttonData(answered, "✓ Tham gia")).isNotEmpty();

        JsonNode upcoming = memberItem(hoa, id);
        assertThat(upcoming.path("text").asText()).contains("#" + id + " Hội thi nấu ăn").contains(", 18:00")
                .contains("✓ Chị sẽ tham gia");
        // she changes her mind from /lichhop: the same message shows it
        deliver(FakeTelegram.button(hoa, FakeTelegram.buttonData(upcoming, "Không tham gia"), 44));
        JsonNode changed = awaitEdit(hoa, "✗ Chị không tham gia");
        assertThat(changed.path("message_id").asLong()).isEqualTo(44);
        assertThat(FakeTelegram.buttonData(changed, "✓ Không tham gia")).isNotEmpty();
        await().until(() -> count("select count(*) from activity_rsvp where activity_id = ? and answer = 'NO'", id) == 1);
        assertThat(next(mai, "/lichhop").path("text").asText()).doesNotContain("Hội thi nấu ăn");
    }

    @Test
    void tellsTheMembersOnceWhenTheLeaderMovesOrCancels() {
        long id = create("Nói chuyện chuyên đề", dayAhead(4, "19h"));
        telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Nói chuyện chuyên đề"));

        JsonNode moved = next(leader, "/doihop " + id + " " + dayAhead(6, "20h"));
        assertThat(moved.path("text").asText()).contains("Đã đổi").contains("20:00 ").contains("– 22:00");
        JsonNode movedNotice = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "đã thay đổi")
                && FakeTelegram.textContains(b, "Nói chuyện chuyên đề"));
        assertThat(movedNotice.path("text").asText()).contains("🕒 ").contains(", 19:00 – 21:00 → ")
                .contains(", 20:00 – 22:00");
        assertThat(count("select count(*) from activity_reminder where activity_id = ? and status = 'CANCELLED'", id))
                .isEqualTo(2);
        assertThat(count("select count(*) from activity_reminder where activity_id = ? and status = 'PENDING'", id))
                .isEqualTo(2);

        deliver(FakeTelegram.text(leader, "/suahop " + id + " địa điểm Hội trường UBND xã"));
        telegram.awaitSent(token, leader, b -> FakeTelegram.textContains(b, "Đã đổi")
                && FakeTelegram.textContains(b, "📍 Hội trường UBND xã"));
        JsonNode changed = telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "Hội trường UBND xã"));
        assertThat(changed.path("text").asText()).contains("đã thay đổi")
                .contains("📍 Nhà văn hóa xóm Đông → Hội trường UBND xã");

        // a leader adds a reminder; one after the start is refused
        deliver(FakeTelegram.text(leader, "/nhacthem " + id + " " + dayAhead(5, "17h")));
        telegram.awaitSent(token, leader, b -> FakeTelegram.textContains(b, "Sẽ nhắc thêm vào ") && FakeTelegram.textContains(b, ", 17:00"));
        deliver(FakeTelegram.text(leader, "/nhacthem " + id + " " + dayAhead(7, "17h")));
        telegram.awaitSent(token, leader, b -> FakeTelegram.textContains(b, "trước khi hoạt động bắt đầu"));
        assertThat(count("select count(*) from activity_reminder where activity_id = ? and status = 'PENDING'", id))
                .isEqualTo(3);

        deliver(FakeTelegram.text(leader, "/huyhop " + id));
        JsonNode ask = telegram.awaitSent(token, leader, b -> FakeTelegram.textContains(b, "chắc chắn hủy"));
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(ask, "Hủy hoạt động"), 700));
        awaitEdit(leader, "Đã hủy hoạt động #" + id);
        telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "HỦY")
                && FakeTelegram.textContains(b, "Nói chuyện chuyên đề"));
        // pressing the old confirm button again changes nothing and tells nobody again
        int before = sentCount(leader);
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(ask, "Hủy hoạt động"), 700));
        JsonNode refused = replyAfter(leader, before);
        assertThat(refused.path("text").asText()).contains("Câu hỏi này đã đóng").contains("không làm gì");
        assertThat(count("select count(*) from activity_reminder where activity_id = ? and status = 'PENDING'", id)).isZero();
        // an answer on the old announcement of a cancelled activity is refused
        deliver(FakeTelegram.button(hoa, FakeTelegram.buttonData(changed, "Tham gia"), 9));
        await().until(() -> toasts().stream().anyMatch(t -> t.contains("Nói chuyện chuyên đề") && t.contains("đã bị hủy"))
                || telegram.sentTo(token, hoa).stream().anyMatch(b -> FakeTelegram.textContains(b, "đã bị hủy")));
        assertThat(count("select count(*) from activity_rsvp where activity_id = ?", id)).isZero();
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
        assertThat(telegram.sentTo(token, hoa).stream().filter(b -> FakeTelegram.textContains(b, "HỦY")).count()).isOne();
        assertThat(telegram.sentTo(token, mai).stream().noneMatch(b -> FakeTelegram.textContains(b, "chuyên đề"))).isTrue();
    }

    @Test
    void refusesBadInputWithAClearReplyAndChangesNothing() {
        int activities = count("select count(*) from activity");
        JsonNode type = next(leader, "/taohop");
        press(leader, type, "Hoạt động khác");
        assertThat(next(leader, "hôm qua 19h").path("text").asText()).contains("chưa đọc được");
        LocalDate past = LocalDate.now(clock).minusDays(2);
        assertThat(next(leader, past.getDayOfMonth() + "/" + past.getMonthValue() + "/" + past.getYear() + " 19h")
                .path("text").asText()).contains("đã qua");
        assertThat(next(leader, "31/2/2030 19h").path("text").asText()).contains("không có thật");
        next(leader, dayAhead(2, "19h"));
        JsonNode preview = next(leader, "https://meet.example.org/abc");
        // an old button from an earlier step
        assertThat(press(leader, type, "Hoạt động khác").path("text").asText()).contains("bước trước");
        // an end before the start
        press(leader, preview, "Giờ kết thúc");
        assertThat(next(leader, "18h").path("text").asText()).contains("phải sau giờ bắt đầu");
        preview = next(leader, "21h");
        // a unit outside her subtree, then one that does not exist
        press(leader, preview, "Đổi người mời");
        assertThat(next(leader, tree.otherBranch.code()).path("text").asText()).contains("không thuộc phạm vi");
        assertThat(next(leader, tree.otherCommune.code()).path("text").asText()).contains("không thuộc phạm vi");
        assertThat(next(leader, "KHONG-CO-MA").path("text").asText()).contains("Không có đơn vị mã");
        // her group only, then abort at the preview
        preview = next(leader, tree.group.code());
        assertThat(preview.path("text").asText()).contains("Tổ 1 xóm Đông").contains("meet.example.org");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(preview, "Hủy"), 800));
        awaitEdit(leader, "chưa tạo hoạt động nào");
        assertThat(count("select count(*) from activity")).isEqualTo(activities);

        // a plain member may not create one
        assertThat(next(lan, "/taohop").path("text").asText()).isNotBlank();
        assertThat(sentCount(lan)).isPositive();
        assertThat(count("select count(*) from activity")).isEqualTo(activities);
    }

    @Test
    void asksInsteadOfGuessingWhenTheTimeIsUnclear() {
        press(leader, next(leader, "/taohop"), "Hoạt động khác");
        // 2h50 tomorrow: at night or in the afternoon? asked, and her one-word answer completes it
        assertThat(next(leader, "mai 2h50").path("text").asText()).contains("2:50 sáng hay 14:50 chiều");
        assertThat(next(leader, "chiều").path("text").asText()).contains("Địa điểm");
        JsonNode preview = next(leader, "-");
        assertThat(press(leader, preview, "Giờ kết thúc").path("text").asText()).contains("Kết thúc lúc mấy giờ")
                .contains("khoảng 2 tiếng");
        // an end 8 hours later is asked about, not taken
        assertThat(next(leader, "23h").path("text").asText()).contains("kéo dài 8,2 tiếng");
        preview = next(leader, "16h30");
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        String weekday = new String[] { "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật" }
                [tomorrow.getDayOfWeek().getValue() - 1];
        assertThat(preview.path("text").asText()).contains(weekday + " "
                + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(tomorrow) + ", 14:50 – 16:30");
        next(leader, "/huy");

        // a part of the day without the hour: asked; and a day of this year already past: "năm sau?"
        press(leader, next(leader, "/taohop"), "Hoạt động khác");
        assertThat(next(leader, "sáng chủ nhật").path("text").asText()).contains("lúc mấy giờ");
        assertThat(next(leader, "8h").path("text").asText()).contains("Địa điểm");
        next(leader, "/huy");
        LocalDate past = LocalDate.now(clock).minusDays(1);
        if (past.getYear() == LocalDate.now(clock).getYear()) {
            press(leader, next(leader, "/taohop"), "Hoạt động khác");
            assertThat(next(leader, past.getDayOfMonth() + "/" + past.getMonthValue() + " 19h").path("text").asText())
                    .contains("năm nay đã qua").contains("/" + (past.getYear() + 1));
            assertThat(next(leader, "có").path("text").asText()).contains("Địa điểm");
            assertThat(next(leader, "-").path("text").asText())
                    .contains(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(past.plusYears(1)) + ", 19:00");
            next(leader, "/huy");
        }
    }

    @Test
    void showsHelpInSectionsForHerRoleAndAnswersThanksKindly() {
        long guest = newUserId();
        String guestHelp = next(guest, "/help").path("text").asText();
        assertThat(guestHelp).contains("chưa liên kết").contains("/start").contains("/help")
                .doesNotContain("/lichhop").doesNotContain("/toi ").doesNotContain("/taohop").doesNotContain("/donvi")
                .doesNotContain("Cho hội viên");

        String memberHelp = next(lan, "/help").path("text").asText();
        assertThat(memberHelp).contains("Cho hội viên").contains("/lichhop").contains("/comat")
                .doesNotContain("/taohop").doesNotContain("Cho cán bộ").doesNotContain("/capquyen");

        String leaderHelp = next(leader, "/help").path("text").asText();
        assertThat(leaderHelp).contains("Cho hội viên").contains("Cho cán bộ phụ trách").contains("/taohop")
                .contains("/thongbao").doesNotContain("/capquyen").doesNotContain("Cho quản trị viên");
        assertThat(leaderHelp.indexOf("Cho hội viên")).isLessThan(leaderHelp.indexOf("Cho cán bộ"));

        String adminHelp = next(ADMIN_USER, "/help").path("text").asText();
        assertThat(adminHelp).contains("Cho quản trị viên").contains("/capquyen").contains("/donvi")
                .contains("Gửi tệp danh sách hội viên");
        for (String help : List.of(guestHelp, memberHelp, leaderHelp, adminHelp)) {
            List<String> lines = help.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).doesNotHaveDuplicates();
        }

        assertThat(next(lan, "cảm ơn em").path("text").asText()).contains("không có gì");
        assertThat(next(lan, "Ok").path("text").asText()).contains("vâng").doesNotContain("chưa hiểu");
        assertThat(next(lan, "vâng ạ").path("text").asText()).doesNotContain("chưa hiểu");
        assertThat(next(lan, "cái này là gì").path("text").asText()).contains("chưa hiểu");
    }

    @Autowired
    RecurringActivities recurring;

    @Test
    void createsARecurringActivityWhoseOccurrencesCanBeSkippedOneByOne() {
        int day = Math.min(LocalDate.now(clock).plusDays(3).getDayOfMonth(), 28);
        JsonNode preview = createUpToPreview("Sinh hoạt định kỳ", "ngày " + day + " hằng tháng 19h30");
        assertThat(preview.path("text").asText()).contains("Lặp lại: ngày " + day + " hằng tháng, lúc 19:30");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(preview, "Xác nhận"), 900));
        JsonNode done = awaitEdit(leader, "chuỗi số");
        long series = Long.parseLong(done.path("text").asText().replaceAll("(?s).*/dunglap (\\d+).*", "$1"));

        List<Long> occurrences = jdbc.queryForList(
                "select id from activity where series_id = ? order by starts_at", Long.class, series);
        assertThat(occurrences).hasSizeBetween(2, 3);
        assertThat(jdbc.queryForList("select occurrence_date from activity where series_id = ?", java.sql.Date.class,
                series)).allMatch(d -> d.toLocalDate().getDayOfMonth() == day);
        assertThat(count("select count(*) from activity_reminder r join activity a on a.id = r.activity_id "
                + "where a.series_id = ? and r.status = 'PENDING'", series)).isEqualTo(2 * occurrences.size());
        // announced once, for the first occurrence
        telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Sinh hoạt định kỳ"));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(telegram.sentTo(token, lan).stream().filter(b -> FakeTelegram.textContains(b, "Sinh hoạt định kỳ"))
                .count()).isOne();

        // skip the second occurrence; the nightly job does not bring it back
        long second = occurrences.get(1);
        JsonNode ask = next(leader, "/huyhop " + second);
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(ask, "Hủy hoạt động"), 901));
        awaitEdit(leader, "Đã hủy hoạt động #" + second);
        recurring.extendAll();
        assertThat(count("select count(*) from activity where series_id = ?", series)).isEqualTo(occurrences.size());

        // a series whose rule can no longer be read: its failure is recorded, and the others are still extended
        jdbc.update("""
                insert into activity_series (unit_id, type_code, title, place, audience_kind, rule, start_time,
                  duration_minutes, created_at)
                select unit_id, type_code, title, place, audience_kind, 'broken', start_time, duration_minutes, created_at
                from activity_series where id = ?""", series);

        // a month later the job adds what came within the horizon, once; the skipped day stays skipped
        clock.advance(Duration.ofDays(31));
        recurring.extendAll();
        int extended = count("select count(*) from activity where series_id = ?", series);
        assertThat(extended).isGreaterThan(occurrences.size());
        assertThat(count("select count(*) from activity_series where rule = 'broken' and extension_error is not null")).isOne();
        jdbc.update("delete from activity_series where rule = 'broken'");
        recurring.extendAll();
        assertThat(count("select count(*) from activity where series_id = ?", series)).isEqualTo(extended);
        assertThat(count("select count(*) from activity where series_id = ? and status = 'CANCELLED'", series)).isOne();
        assertThat(count("""
                select count(*) from activity where series_id = ?
                and occurrence_date = (select occurrence_date from activity where id = ?)""", series, second)).isOne();

        // stopping the series cancels what is still ahead
        // a destructive action asks with two buttons; "Giữ lại" changes nothing
        JsonNode keep = next(leader, "/dunglap " + series);
        assertThat(keep.path("text").asText()).contains("chắc chắn dừng chuỗi");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(keep, "Giữ lại"), 901));
        awaitEdit(leader, "Đã giữ lại");
        assertThat(count("select count(*) from activity where series_id = ? and status = 'SCHEDULED' and starts_at > ?",
                series, java.sql.Timestamp.from(clock.instant()))).isPositive();
        JsonNode end = next(leader, "/dunglap " + series);
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(end, "Dừng lặp lại"), 902));
        awaitEdit(leader, "Đã dừng chuỗi");
        assertThat(count("select count(*) from activity where series_id = ? and status = 'SCHEDULED' and starts_at > ?",
                series, java.sql.Timestamp.from(clock.instant()))).isZero();
    }

    @Test
    void invitesOnlyTheGroupsSheTicks() {
        press(leader, next(leader, "/taohop"), "Thăm hỏi, hỗ trợ");
        next(leader, dayAhead(2, "9h sáng"));
        // a visit has partners: asked, and a button says there are none
        JsonNode partners = next(leader, "-");
        assertThat(partners.path("text").asText()).contains("phối hợp");
        JsonNode preview0 = press(leader, partners, "Không có");
        press(leader, preview0, "Đổi tên");
        JsonNode renamed = next(leader, "Thăm hỏi hội viên khó khăn");
        JsonNode audience = press(leader, renamed, "Đổi người mời");
        JsonNode picker = press(leader, audience, "Chọn chi hội / tổ");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(picker, "Tổ 1 xóm Đông"), 950));
        JsonNode ticked = awaitEdit(leader, "bỏ chọn");
        assertThat(FakeTelegram.buttonData(ticked, "✅ Tổ 1 xóm Đông")).isNotEmpty();
        JsonNode preview = press(leader, ticked, "Xong");
        assertThat(preview.path("text").asText()).contains("Mời: Tổ 1 xóm Đông").contains("09:00");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(preview, "Xác nhận"), 951));
        JsonNode done = awaitEdit(leader, "Đã tạo hoạt động");
        assertThat(done.path("text").asText()).contains("Thăm hỏi hội viên khó khăn").contains("Đã mời 1 hội viên");
        long id = Long.parseLong(done.path("text").asText().replaceAll("(?s).*/dangky (\\d+).*", "$1"));
        assertThat(jdbc.queryForObject("select audience_kind from activity where id = ?", String.class, id))
                .isEqualTo("BRANCH");

        JsonNode announcement = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Thăm hỏi hội viên"));
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(telegram.sentTo(token, hoa).stream().noneMatch(b -> FakeTelegram.textContains(b, "Thăm hỏi hội viên")))
                .isTrue();
        // Hoa is in the branch but not in the group: her press on Lan's message is refused
        deliver(FakeTelegram.button(hoa, FakeTelegram.buttonData(announcement, "Tham gia"), 5));
        await().until(() -> toasts().stream().anyMatch(t -> t.contains("Thăm hỏi hội viên khó khăn")
                && t.contains("không có trong danh sách")) || telegram.sentTo(token, hoa).stream()
                        .anyMatch(b -> FakeTelegram.textContains(b, "không có trong danh sách được mời dự \"Thăm hỏi")));
        assertThat(count("select count(*) from activity_rsvp where activity_id = ?", id)).isZero();
    }

    @Test
    void announcesAMeetingInFiveStepsOrInOneLine() {
        create("Sinh hoạt lần trước", dayAhead(3, "19h")); // a place used before, offered as a button
        int steps = 0;
        JsonNode type = next(leader, "/taohop");
        steps++;
        JsonNode askStart = press(leader, type, "Sinh hoạt chi hội");
        steps++;
        assertThat(askStart.path("text").asText()).contains("7h sáng mai");
        JsonNode askPlace = next(leader, "7h sáng mai");
        steps++;
        JsonNode preview = press(leader, askPlace, "Nhà văn hóa xóm Đông");
        steps++;
        int month = LocalDate.now(clock).plusDays(1).getMonthValue();
        assertThat(preview.path("text").asText()).contains("Sinh hoạt chi hội tháng " + month)
                .contains("07:00 – 09:00").contains("📍 Nhà văn hóa xóm Đông").contains("Mời: Chi hội xóm Đông");
        long id = confirm(preview);
        steps++;
        assertThat(steps).isLessThanOrEqualTo(5);
        assertThat(jdbc.queryForMap("select title, place, type_code, audience_kind from activity where id = ?", id))
                .containsEntry("TITLE", "Sinh hoạt chi hội tháng " + month)
                .containsEntry("PLACE", "Nhà văn hóa xóm Đông").containsEntry("AUDIENCE_KIND", "SUBTREE");
        telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Sinh hoạt chi hội tháng " + month)
                && FakeTelegram.textContains(b, "07:00"));

        // one line for a leader who knows the way
        JsonNode quick = next(leader, "/taohop sinh hoạt 19h30 thứ 6 tuần sau tại nhà văn hóa xóm 3");
        assertThat(quick.path("text").asText()).contains("Thứ Sáu").contains("19:30 – 21:30")
                .contains("📍 nhà văn hóa xóm 3").contains("Mời: Chi hội xóm Đông");
        long q = confirm(quick);
        assertThat(jdbc.queryForMap("select place, type_code from activity where id = ?", q))
                .containsEntry("PLACE", "nhà văn hóa xóm 3").containsEntry("TYPE_CODE", "monthly");
        // without diacritics, and an hour that could be at night: asked, then straight to the preview
        assertThat(next(leader, "/taohop tham hoi mai 2h tai tram y te").path("text").asText()).contains("sáng hay");
        JsonNode asked = next(leader, "chiều");
        assertThat(asked.path("text").asText()).contains("Thăm hỏi, hỗ trợ").contains("14:00")
                .contains("📍 tram y te");
        next(leader, "/huy");
        assertThat(next(leader, "/taohop gì đó 19h").path("text").asText()).contains("chưa nhận ra loại hoạt động");
    }

    @Test
    void aLeaderManagesHerActivitiesFromLichhopWithoutTypingNumbers() {
        long id = create("Tập huấn kỹ năng", dayAhead(4, "19h"));
        telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "Tập huấn kỹ năng"));
        JsonNode item = agendaItem(leader, id);
        assertThat(press(leader, item, "Đăng ký").path("text").asText()).contains("mời 3 hội viên");
        assertThat(press(leader, item, "Điểm danh").path("text").asText()).contains("có mặt 0/3");

        assertThat(press(leader, item, "Đổi giờ").path("text").asText()).contains("thời gian mới");
        assertThat(next(leader, dayAhead(5, "20h")).path("text").asText()).contains("Đã đổi").contains("20:00");
        telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, "đã thay đổi")
                && FakeTelegram.textContains(b, "Tập huấn kỹ năng"));

        assertThat(press(leader, item, "Sửa").path("text").asText()).contains("điều cần sửa");
        assertThat(next(leader, "địa điểm Hội trường xã").path("text").asText()).contains("📍 Hội trường xã");

        // she leaves the question for something else: its confirm button then does nothing, politely
        JsonNode left = press(leader, item, "Hủy");
        assertThat(left.path("text").asText()).contains("chắc chắn hủy");
        next(leader, "/dangky " + id);
        int before = sentCount(leader);
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(left, "Hủy hoạt động"), 719));
        assertThat(replyAfter(leader, before).path("text").asText()).contains("Câu hỏi này đã đóng");
        assertThat(count("select count(*) from activity where id = ? and cancelled_at is not null", id)).isZero();

        JsonNode ask = press(leader, item, "Hủy");
        assertThat(ask.path("text").asText()).contains("chắc chắn hủy");
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(ask, "Hủy hoạt động"), 720));
        awaitEdit(leader, "Đã hủy hoạt động #" + id);
        telegram.awaitSent(token, hoa, b -> FakeTelegram.textContains(b, "HỦY")
                && FakeTelegram.textContains(b, "Tập huấn kỹ năng"));
        // listed as cancelled, without the buttons that change it
        JsonNode after = agendaItem(leader, id);
        assertThat(after.path("text").asText()).contains("Đã hủy");
        assertThat(after.path("reply_markup").toString()).doesNotContain("Đổi giờ");
        // a member sees no leader's buttons
        assertThat(next(lan, "/lichhop").toString()).doesNotContain("Điểm danh");
    }
}
