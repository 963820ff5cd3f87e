package vn.hoibot.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.PersonalDataScan;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;

/** /xoadulieu erases her everywhere; consent stores nothing before she agrees; /rutdongy; /toi as a file. */
class ErasureTests extends EndToEndTest {

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
    Outbox outbox;
    @Autowired
    RosterImporter importer;

    UnitView branch;
    String prefix;

    @BeforeEach
    void units() {
        prefix = "ER" + SEQ.incrementAndGet() + "X" + (System.nanoTime() % 100000);
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView commune = org.createUnit(new NewUnit(prefix, "Xã Thử Xóa", "commune", null, from));
        branch = org.createUnit(new NewUnit(prefix + "-CH1", "Chi hội Xóa " + prefix, "branch", commune.id(), from));
    }

    static String phone() {
        return "09" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    MemberView member(String name, String phone) {
        return directory.create(new NewMember(name, phone, 1988, true, false, LocalDate.of(2016, 3, 8), branch.id(),
                Set.of(MemberTag.CONG_NHAN), null));
    }

    JsonNode link(long user, String phone) {
        int before = sentCount(user);
        JsonNode notice = say(user, "/start", before + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại")
                && b.path("reply_markup").has("keyboard"));
        int now = sentCount(user);
        deliver(FakeTelegram.contact(user, phone, user));
        return telegram.awaitMessage(token, user, now + 1);
    }

    /** What identifies her: the phone as stored and as typed, her name, her Telegram id (= her chat id). */
    static List<String> needles(String phone, String name, long user) {
        return List.of(phone.substring(1), name, Long.toString(user));
    }

    @Test
    void erasesHerFromEveryTableOfEveryModule() {
        String phone = phone();
        String name = "Đinh Thị Xóa " + prefix;
        MemberView her = member(name, phone);
        long user = newUserId();
        link(user, phone);
        roles.assign(her.id(), Role.GROUP_LEADER, branch.id());
        String chat = Long.toString(user);
        OffsetDateTime now = OffsetDateTime.now();
        // member: an earlier join request of hers, with her name, phone and chat
        jdbc.update("""
                insert into join_request (channel, user_id, chat_id, language, full_name, phone, unit_id, status,
                  created_at, member_id) values ('telegram', ?, ?, 'vi', ?, ?, ?, 'APPROVED', ?, ?)""", chat, chat, name,
                "+84" + phone.substring(1), branch.id(), now, her.id());
        // chat: a dialog of hers
        jdbc.update("""
                insert into dialog_session (channel, chat_id, user_id, dialog, step, data, updated_at)
                values ('telegram', ?, ?, 'x', 'y', '{}', ?)""", chat, chat, now);
        // broadcast: a personal text to her chat, her chat unreachable once, a notice whose progress she watched
        outbox.enqueue(new NewBroadcast(vn.hoibot.broadcast.BroadcastKind.NOTICE, null, "test", branch.id(), false,
                Map.of("vi", new NewBroadcast.Content("Chào chị", List.of())), null,
                List.of(new Recipient("telegram", chat, her.id(), false, "vi", "Chào chị " + name)), null, null));
        jdbc.update("insert into unreachable_chat (channel, chat_id, reason, since) values ('telegram', ?, 'BLOCKED', ?)",
                chat, now);
        jdbc.update("""
                insert into broadcast (kind, created_by, format, status, created_at, progress_channel,
                  progress_chat_id, progress_message_id, total_count) values ('NOTICE', ?, 'PLAIN', 'FINISHED', ?,
                  'telegram', ?, '5', 0)""", her.id(), now, chat);
        // indicator: a pairing that names her
        jdbc.update("""
                insert into ind_pairing (kind, unit_id, helped_member_id, helped_name, starts_on, recorded_at)
                values ('SUPPORT', ?, ?, ?, ?, ?)""", branch.id(), her.id(), name, LocalDate.of(2026, 1, 1), now);
        assertThat(PersonalDataScan.find(jdbc, needles(phone, name, user))).hasSizeGreaterThanOrEqualTo(8);

        JsonNode ask = say(user, "/xoadulieu", sentCount(user) + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(ask, "dữ liệu"), 42));
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(b -> b.path("chat_id").asText().equals(chat) && b.path("message_id").asInt() == 42));

        assertThat(PersonalDataScan.find(jdbc, needles(phone, name, user))).isEmpty();
        assertThat(directory.findById(her.id()).orElseThrow().status()).isEqualTo("ERASED");
        // her anonymous row still counts where it counted: the pairing stays, without her name
        assertThat(jdbc.queryForObject("select count(*) from ind_pairing where helped_member_id = ?", Integer.class,
                her.id())).isOne();
    }

    @Test
    void aRosterImportSkipsAnErasedMemberUntilAnAdminRestoresHer() {
        String phone = phone();
        String name = "Cao Thị Tái " + prefix;
        MemberView her = member(name, phone);
        long user = newUserId();
        link(user, phone);
        JsonNode ask = say(user, "/xoadulieu", sentCount(user) + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(ask, "dữ liệu"), 42));
        await().until(() -> directory.findById(her.id()).orElseThrow().status().equals("ERASED"));

        String csv = "Họ và tên,Số điện thoại,Năm sinh,Mã chi hội\n" + name + "," + phone + ",1988," + branch.code()
                + "\n";
        ImportReport skipped = importer.importRoster(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "hoi-vien.csv", ImportOptions.lenient());
        assertThat(skipped.errors()).singleElement().satisfies(e -> {
            assertThat(e.rowNumber()).isEqualTo(2);
            assertThat(e.key()).isEqualTo("member.import.erased");
        });
        assertThat(directory.findByPhone(phone)).isEmpty();
        assertThat(PersonalDataScan.find(jdbc, List.of(phone.substring(1), name))).isEmpty();

        JsonNode restored = say(ADMIN_USER, "/khoiphuc " + phone, sentCount(ADMIN_USER) + 1);
        assertThat(restored.path("text").asText()).contains("Đã khôi phục");
        ImportReport again = importer.importRoster(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "hoi-vien.csv", ImportOptions.lenient());
        assertThat(again.errors()).isEmpty();
        assertThat(directory.findByPhone(phone)).get().extracting(MemberView::fullName).isEqualTo(name);
    }

    @Test
    void theConsentButtonsStoreNothingAboutHerBeforeSheAgrees() {
        long user = newUserId();
        JsonNode notice = say(user, "/start", 1);
        FakeTelegram.buttonData(notice, "Tôi đồng ý");
        assertThat(PersonalDataScan.find(jdbc, List.of(Long.toString(user)))).isEmpty();
    }

    @Test
    void withdrawingConsentKeepsHerRecordButStopsNotices() {
        String phone = phone();
        MemberView her = member("Hà Thị Rút " + prefix, phone);
        long user = newUserId();
        link(user, phone);
        Selection reachable = directory.activeMembersUnder(List.of(branch.id()), LocalDate.now(), null);
        assertThat(directory.count(reachable)).isOne();

        JsonNode reply = say(user, "/rutdongy", sentCount(user) + 1);
        assertThat(reply.path("text").asText()).contains("rút lại sự đồng ý");
        assertThat(directory.findById(her.id())).get().extracting(MemberView::status).isEqualTo("ACTIVE");
        assertThat(directory.count(directory.activeMembersUnder(List.of(branch.id()), LocalDate.now(), null)))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from consent where user_id = ? and withdrawn_at is null",
                Integer.class, Long.toString(user))).isZero();
    }

    @Test
    void toiOffersHerDataAsAFile() {
        String phone = phone();
        member("Lạc Thị Tệp " + prefix, phone);
        long user = newUserId();
        link(user, phone);
        JsonNode me = say(user, "/toi", sentCount(user) + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(me, "Tải dữ liệu"), 77));
        JsonNode file = telegram.awaitSent(token, user, b -> b.has("document_bytes") || b.has("document"));
        assertThat(file.path("caption").asText()).contains("toàn bộ dữ liệu");
    }
}
