package vn.hoibot.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

class OnboardingTests extends EndToEndTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    JdbcTemplate jdbc;

    UnitView commune;
    UnitView branch;
    UnitView otherBranch;
    String prefix;

    @BeforeEach
    void roster() {
        prefix = "OB" + SEQ.incrementAndGet();
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(prefix, "Tỉnh Thử", "province", null, from));
        commune = org.createUnit(new NewUnit(prefix + "-HV", "Xã Hải Vân", "commune", province.id(), from));
        branch = org.createUnit(new NewUnit(prefix + "-HV-CH1", "Chi hội xóm Đông", "branch", commune.id(), from));
        otherBranch = org.createUnit(new NewUnit(prefix + "-HV-CH2", "Chi hội xóm Tây", "branch", commune.id(), from));
    }

    private MemberView member(String name, String phone, UnitView unit) {
        return directory.create(new NewMember(name, phone, 1985, false, false, LocalDate.of(2015, 3, 8), unit.id(),
                Set.of(), null));
    }

    private static String phone() {
        return "09" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    /** /start, agree, share her own contact; returns the last reply. */
    private JsonNode link(long user, String phone) {
        int before = sentCount(user);
        JsonNode notice = say(user, "/start", before + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại")
                && b.path("reply_markup").has("keyboard"));
        int now = sentCount(user);
        deliver(FakeTelegram.contact(user, phone, user));
        return telegram.awaitMessage(token, user, now + 1);
    }

    @Test
    void showsThePrivacyNoticeAndStoresNothingBeforeConsent() {
        long user = newUserId();
        JsonNode notice = say(user, "/start", 1);
        assertThat(notice.path("text").asText()).contains("THÔNG BÁO VỀ DỮ LIỆU CÁ NHÂN").contains("2026-01");
        assertThat(FakeTelegram.buttonData(notice, "Tôi đồng ý")).hasSizeLessThanOrEqualTo(64);
        FakeTelegram.buttonData(notice, "Không đồng ý");
        assertThat(count("select count(*) from consent where user_id = ?", user)).isZero();
        assertThat(count("select count(*) from member_account where user_id = ?", user)).isZero();

        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "Không đồng ý"), 1));
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(b -> b.path("chat_id").asText().equals(String.valueOf(user))
                        && b.path("text").asText().contains("chưa lưu thông tin")));
        assertThat(count("select count(*) from consent where user_id = ?", user)).isZero();
    }

    @Test
    void linksHerAccountWhenSheSharesHerOwnNumberAfterConsenting() {
        String phone = phone();
        MemberView lan = member("Nguyễn Thị Lan", phone, branch);
        long user = newUserId();
        JsonNode done = link(user, "+84 " + phone.substring(1, 4) + " " + phone.substring(4));
        assertThat(done.path("text").asText()).contains("Đã liên kết").contains("Nguyễn Thị Lan")
                .contains("Chi hội xóm Đông");
        assertThat(done.path("reply_markup").path("remove_keyboard").asBoolean()).isTrue();
        assertThat(count("select count(*) from consent where user_id = ? and notice_version = '2026-01'", user)).isOne();
        assertThat(jdbc.queryForObject("select member_id from member_account where channel = 'telegram' and user_id = ?",
                Long.class, String.valueOf(user))).isEqualTo(lan.id());

        JsonNode me = say(user, "/toi", sentCount(user) + 1);
        assertThat(me.path("text").asText()).contains("Nguyễn Thị Lan").contains("1985").contains("Chi hội xóm Đông")
                .contains("2026-01");
    }

    @Test
    void refusesAContactThatIsNotHerOwn() {
        member("Trần Thị Hoa", phone(), branch);
        long user = newUserId();
        JsonNode notice = say(user, "/start", 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitMessage(token, user, 2);
        deliver(FakeTelegram.contact(user, phone(), user + 1));
        JsonNode reply = telegram.awaitMessage(token, user, 3);
        assertThat(reply.path("text").asText()).contains("chính chị");
        assertThat(count("select count(*) from member_account where user_id = ?", user)).isZero();
    }

    @Test
    void recordsAWomanWhoJoinsThroughAMembersInviteAsRecruitedByHerOnceTheHeadApproves() {
        MemberView head = member("Phạm Thị Hằng", phone(), branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        long headUser = newUserId();
        link(headUser, head.phone());
        MemberView inviter = member("Vũ Thị Mai", phone(), branch);
        long inviterUser = newUserId();
        link(inviterUser, inviter.phone());

        JsonNode invite = say(inviterUser, "/moi", sentCount(inviterUser) + 1);
        String link = invite.path("text").asText().lines().filter(l -> l.startsWith("https://t.me/")).findFirst().orElseThrow();
        assertThat(link).startsWith("https://t.me/hoibot_test_bot?start=");
        String code = link.substring(link.indexOf("start=") + 6);
        assertThat(code).matches("[A-Za-z0-9_-]{1,64}");

        long newcomer = newUserId();
        JsonNode notice = say(newcomer, "/start " + code, 1);
        deliver(FakeTelegram.button(newcomer, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitMessage(token, newcomer, 2);
        String newPhone = phone();
        deliver(FakeTelegram.contact(newcomer, newPhone, newcomer));
        assertThat(telegram.awaitMessage(token, newcomer, 3).path("text").asText()).contains("đề nghị vào");

        JsonNode request = telegram.awaitSent(token, headUser, b -> FakeTelegram.textContains(b, "Đề nghị vào Hội mới"));
        assertThat(request.path("text").asText()).contains("Vũ Thị Mai").contains("Chi hội xóm Đông");
        // written to the durable outbox with the request, not held in memory as a reply
        await().until(() -> jdbc.queryForObject("select count(*) from outbox where chat_id = ? and status = 'SENT'",
                Integer.class, String.valueOf(headUser)) == 1);
        deliver(FakeTelegram.button(headUser, FakeTelegram.buttonData(request, "Duyệt"), 77));
        telegram.awaitSent(token, newcomer, b -> FakeTelegram.textContains(b, "Chúc mừng"));
        await().until(() -> jdbc.queryForObject("select count(*) from outbox where chat_id = ? and status = 'SENT'",
                Integer.class, String.valueOf(newcomer)) == 1);
        JsonNode edited = telegram.requests(token, "editmessagetext").stream()
                .filter(b -> b.path("chat_id").asText().equals(String.valueOf(headUser))
                        && b.path("text").asText().contains("Đã duyệt")).findFirst().orElseThrow();
        assertThat(edited.path("message_id").asInt()).isEqualTo(77);

        MemberView joined = directory.findByPhone(newPhone).orElseThrow();
        assertThat(joined.recruitedBy()).isEqualTo(inviter.id());
        assertThat(joined.unitId()).isEqualTo(branch.id());
        assertThat(jdbc.queryForObject("select member_id from member_account where user_id = ?", Long.class,
                String.valueOf(newcomer))).isEqualTo(joined.id());
    }

    @Test
    void refusesApprovalByALeaderOfAnotherBranch() {
        MemberView head = member("Đỗ Thị Thu", phone(), otherBranch);
        roles.assign(head.id(), Role.BRANCH_HEAD, otherBranch.id());
        MemberView ownHead = member("Lê Thị Nga", phone(), branch);
        roles.assign(ownHead.id(), Role.BRANCH_HEAD, branch.id());
        long ownHeadUser = newUserId();
        link(ownHeadUser, ownHead.phone());
        long otherUser = newUserId();
        link(otherUser, head.phone());

        JsonNode invite = say(ownHeadUser, "/moi " + branch.code(), sentCount(ownHeadUser) + 1);
        String code = invite.path("text").asText().replaceAll("(?s).*start=([A-Za-z0-9_-]+).*", "$1");
        long newcomer = newUserId();
        JsonNode notice = say(newcomer, "/start " + code, 1);
        deliver(FakeTelegram.button(newcomer, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitMessage(token, newcomer, 2);
        deliver(FakeTelegram.contact(newcomer, phone(), newcomer));
        JsonNode request = telegram.awaitSent(token, ownHeadUser, b -> FakeTelegram.textContains(b, "Đề nghị vào Hội mới"));

        // the other branch's head presses the button meant for the own head: refused, nothing changes
        int before = sentCount(otherUser);
        deliver(FakeTelegram.button(otherUser, FakeTelegram.buttonData(request, "Duyệt"), 5));
        assertThat(telegram.awaitMessage(token, otherUser, before + 1).path("text").asText()).contains("dành cho người khác");
        assertThat(count("select count(*) from join_request where user_id = ? and status = 'PENDING'", newcomer)).isOne();
    }

    @Test
    void refusesALeadersCommandToAPlainMember() {
        MemberView plain = member("Hoàng Thị Yến", phone(), branch);
        long user = newUserId();
        link(user, plain.phone());
        JsonNode reply = say(user, "/capquyen " + plain.phone() + " BRANCH_HEAD " + branch.code(), sentCount(user) + 1);
        assertThat(reply.path("text").asText()).isNotBlank().doesNotContain("Đã giao");
        assertThat(roles.grantsOf(plain.id())).isEmpty();
    }

    @Test
    void deletesHerPersonalDataAfterSheConfirms() {
        MemberView lan = member("Ngô Thị Bích", phone(), branch);
        long user = newUserId();
        link(user, lan.phone());
        JsonNode ask = say(user, "/xoadulieu", sentCount(user) + 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(ask, "Xóa dữ liệu"), 42));
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(b -> b.path("chat_id").asText().equals(String.valueOf(user))
                        && b.path("text").asText().contains("Đã xóa")));
        MemberView erased = directory.findById(lan.id()).orElseThrow();
        assertThat(erased.phone()).isNull();
        assertThat(erased.fullName()).isNotEqualTo("Ngô Thị Bích");
        assertThat(erased.status()).isEqualTo("ERASED");
        assertThat(count("select count(*) from member_account where user_id = ?", user)).isZero();
        assertThat(count("select count(*) from consent where user_id = ? and withdrawn_at is null", user)).isZero();
        // erasure deletes the consent records too: they name her account
        assertThat(count("select count(*) from consent where user_id = ?", user)).isZero();
    }

    @Test
    void givesAHeadHerLeadersCommandMenuWhenSheLinksAndWhenAnAdminAssignsARole() {
        MemberView head = member("Trịnh Thị Loan", phone(), branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        long headUser = newUserId();
        link(headUser, head.phone());
        JsonNode menu = await().until(() -> chatMenu(headUser), java.util.Objects::nonNull);
        assertThat(menu.toString()).contains("ganchihoi").contains("toi").doesNotContain("capquyen");

        MemberView deputy = member("Mạc Thị Vân", phone(), branch);
        long deputyUser = newUserId();
        link(deputyUser, deputy.phone());
        JsonNode done = say(ADMIN_USER, "/capquyen " + deputy.phone() + " branch_deputy " + branch.code(),
                sentCount(ADMIN_USER) + 1);
        assertThat(done.path("text").asText()).contains("Mạc Thị Vân").contains("Chi hội xóm Đông");
        assertThat(roles.grantsOf(deputy.id())).anyMatch(g -> g.role() == Role.BRANCH_DEPUTY && g.unitId() == branch.id());
        assertThat(await().until(() -> chatMenu(deputyUser), java.util.Objects::nonNull).toString()).contains("ganchihoi");
    }

    @Test
    void assignsRolesByTheirVietnameseNamesAndShortForms() {
        MemberView head = member("Lương Thị Nga", phone(), branch);
        JsonNode done = say(ADMIN_USER, "/capquyen " + head.phone() + " Chi hội trưởng " + branch.code().toLowerCase(),
                sentCount(ADMIN_USER) + 1);
        assertThat(done.path("text").asText()).contains("Lương Thị Nga").contains("chức vụ Chi hội trưởng")
                .contains("Chi hội xóm Đông");
        assertThat(roles.grantsOf(head.id())).anyMatch(g -> g.role() == Role.BRANCH_HEAD && g.unitId() == branch.id());

        MemberView deputy = member("Kiều Thị Oanh", phone(), branch);
        assertThat(say(ADMIN_USER, "/capquyen " + deputy.phone() + " CHP " + branch.code(), sentCount(ADMIN_USER) + 1)
                .path("text").asText()).contains("chức vụ Chi hội phó");
        assertThat(roles.grantsOf(deputy.id())).anyMatch(g -> g.role() == Role.BRANCH_DEPUTY);

        JsonNode unknown = say(ADMIN_USER, "/capquyen " + deputy.phone() + " Trưởng thôn " + branch.code(),
                sentCount(ADMIN_USER) + 1);
        assertThat(unknown.path("text").asText()).contains("chưa biết chức vụ \"Trưởng thôn\"").contains("Tổ trưởng")
                .contains("Chi hội trưởng").doesNotContain("BRANCH_HEAD");
        assertThat(FakeTelegram.buttonData(unknown, "Tổ trưởng")).isNotBlank(); // and offers the roles as buttons

        // no role typed: the roles as buttons, in Vietnamese; a press gives it and the question shows the answer
        MemberView leader = member("Lạc Thị Hồng", phone(), branch);
        JsonNode pick = say(ADMIN_USER, "/capquyen " + leader.phone() + " " + branch.code(), sentCount(ADMIN_USER) + 1);
        assertThat(pick.path("text").asText()).isEqualTo("Chị chọn chức vụ giao cho Lạc Thị Hồng tại Chi hội xóm Đông:");
        assertThat(pick.path("reply_markup").toString()).contains("Chi hội phó").contains("Chủ tịch")
                .doesNotContain("Hội viên").doesNotContain("GROUP_LEADER");
        deliver(FakeTelegram.button(ADMIN_USER, FakeTelegram.buttonData(pick, "Tổ trưởng"), 77));
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("message_id").asInt() == 77 && e.path("text").asText()
                        .equals("Đã giao cho Lạc Thị Hồng chức vụ Tổ trưởng tại Chi hội xóm Đông.")));
        assertThat(roles.grantsOf(leader.id())).anyMatch(g -> g.role() == Role.GROUP_LEADER && g.unitId() == branch.id());
    }

    @Test
    void bindsAGroupChatToHerBranchWhenItsHeadAsksInTheGroup() {
        MemberView head = member("Quách Thị Liên", phone(), branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        long headUser = newUserId();
        link(headUser, head.phone());
        MemberView plain = member("Lý Thị Hoa", phone(), branch);
        long plainUser = newUserId();
        link(plainUser, plain.phone());
        long group = -1_000_000_000_000L - headUser;

        deliver(FakeTelegram.groupText(group, plainUser, "/ganchihoi@hoibot_test_bot " + branch.code()));
        assertThat(telegram.awaitMessage(token, group, 1).path("text").asText()).contains("không có quyền");
        deliver(FakeTelegram.groupText(group, headUser, "/ganchihoi@hoibot_test_bot " + branch.code()));
        assertThat(telegram.awaitMessage(token, group, 2).path("text").asText()).contains("Đã gắn nhóm này với Chi hội xóm Đông");
        assertThat(jdbc.queryForObject("select unit_id from group_binding where chat_id = ?", Long.class,
                String.valueOf(group))).isEqualTo(branch.id());
    }

    @Test
    void refusesToBindAGroupForALeaderWhoIsNotItsAdministrator() {
        MemberView head = member("Đào Thị Nga", phone(), branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        long headUser = newUserId();
        link(headUser, head.phone());
        long group = -1_000_000_000_000L - headUser;
        telegram.notGroupAdmin(group, headUser);

        deliver(FakeTelegram.groupText(group, headUser, "/ganchihoi@hoibot_test_bot " + branch.code()));
        assertThat(telegram.awaitMessage(token, group, 1).path("text").asText()).contains("Chỉ quản trị viên của nhóm");
        assertThat(telegram.requests(token, "getchatmember")).anySatisfy(r -> {
            assertThat(r.path("chat_id").asText()).isEqualTo(String.valueOf(group));
            assertThat(r.path("user_id").asLong()).isEqualTo(headUser);
        });
        assertThat(jdbc.queryForList("select unit_id from group_binding where chat_id = ?", Long.class,
                String.valueOf(group))).isEmpty();
    }

    @Test
    void refusesToTakeAGroupBoundToAnotherBranchWithoutThatBranchsLeader() {
        MemberView head = member("Phan Thị Yến", phone(), branch);
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        long headUser = newUserId();
        link(headUser, head.phone());
        MemberView otherHead = member("Vũ Thị Hằng", phone(), otherBranch);
        roles.assign(otherHead.id(), Role.BRANCH_HEAD, otherBranch.id());
        long otherUser = newUserId();
        link(otherUser, otherHead.phone());
        long group = -1_000_000_000_000L - headUser;

        deliver(FakeTelegram.groupText(group, headUser, "/ganchihoi@hoibot_test_bot " + branch.code()));
        assertThat(telegram.awaitMessage(token, group, 1).path("text").asText()).contains("Đã gắn nhóm này");
        deliver(FakeTelegram.groupText(group, otherUser, "/ganchihoi@hoibot_test_bot " + otherBranch.code()));
        assertThat(telegram.awaitMessage(token, group, 2).path("text").asText()).contains("không có quyền");
        assertThat(jdbc.queryForObject("select unit_id from group_binding where chat_id = ?", Long.class,
                String.valueOf(group))).isEqualTo(branch.id());
    }

    @Test
    void leavesTheLinkingDialogOnHuyAndRemovesThePhoneKeyboard() {
        long user = newUserId();
        JsonNode notice = say(user, "/start", 1);
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitMessage(token, user, 2);
        assertThat(count("select count(*) from dialog_session where user_id = ?", user)).isOne();
        JsonNode stopped = say(user, "/huy", 3);
        assertThat(stopped.path("text").asText()).contains("Đã dừng");
        assertThat(stopped.path("reply_markup").path("remove_keyboard").asBoolean()).isTrue();
        assertThat(count("select count(*) from dialog_session where user_id = ?", user)).isZero();
    }

    private JsonNode chatMenu(long chatId) {
        return telegram.requests(token, "setmycommands").stream()
                .filter(b -> b.path("scope").path("chat_id").asText().equals(String.valueOf(chatId)))
                .reduce((a, b) -> b).orElse(null);
    }

    private int count(String sql, long user) {
        return jdbc.queryForObject(sql, Integer.class, String.valueOf(user));
    }
}
