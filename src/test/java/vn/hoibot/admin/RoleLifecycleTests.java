package vn.hoibot.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.broadcast.BroadcastKind;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.member.RosterImporter;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.spreadsheet.ImportOptions;

/**
 * Roles that end, and checks that come first; every actor here holds a scoped role (ADMIN on one commune), never
 * ADMIN on the root, so a scoping bug shows.
 */
class RoleLifecycleTests extends EndToEndTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    AccessPolicy policy;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outbox outbox;
    @Autowired
    RosterImporter importer;
    @Autowired
    java.time.Clock clock;

    String p;
    UnitView communeA;
    UnitView branchA1;
    UnitView branchA2;
    UnitView communeB;
    UnitView branchB1;

    @BeforeEach
    void tree() {
        p = "RL" + SEQ.incrementAndGet() + "X" + (System.nanoTime() % 100000);
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Vai Trò", "province", null, from));
        communeA = org.createUnit(new NewUnit(p + "-A", "Xã A " + p, "commune", province.id(), from));
        branchA1 = org.createUnit(new NewUnit(p + "-A1", "Chi hội A1 " + p, "branch", communeA.id(), from));
        branchA2 = org.createUnit(new NewUnit(p + "-A2", "Chi hội A2 " + p, "branch", communeA.id(), from));
        communeB = org.createUnit(new NewUnit(p + "-B", "Xã B " + p, "commune", province.id(), from));
        branchB1 = org.createUnit(new NewUnit(p + "-B1", "Chi hội B1 " + p, "branch", communeB.id(), from));
    }

    static String phone() {
        return "09" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000L);
    }

    MemberView member(String name, UnitView unit) {
        return directory.create(new NewMember(name, phone(), 1980, false, false, LocalDate.of(2015, 1, 1), unit.id(),
                Set.of(), null));
    }

    long linked(MemberView m) {
        long user = newUserId();
        jdbc.update("""
                insert into member_account (member_id, channel, user_id, chat_id, language, linked_at)
                values (?, 'telegram', ?, ?, 'vi', ?)""", m.id(), Long.toString(user), Long.toString(user),
                OffsetDateTime.now());
        return user;
    }

    /** The commune A admin: ADMIN on commune A only. */
    long communeAdmin() {
        MemberView admin = member("Quản Thị Xã", communeA);
        roles.assign(admin.id(), Role.ADMIN, communeA.id());
        return linked(admin);
    }

    @Test
    void anAdminRoleCoversItsUnitsSubtreeOnly() {
        MemberView admin = member("Quản Thị Phạm Vi", communeA);
        roles.assign(admin.id(), Role.ADMIN, communeA.id());
        var actor = accounts.actorOf(admin.id());
        assertThat(actor.admin()).isFalse();
        assertThat(policy.can(actor, Permission.ASSIGN_ROLES, branchA1.id())).isTrue();
        assertThat(policy.can(actor, Permission.ASSIGN_ROLES, branchB1.id())).isFalse();
        assertThat(policy.units(actor, Permission.BROADCAST)).containsExactly(communeA.id());
    }

    @Test
    void thuhoiquyenEndsARoleAndTheLeaderMenuGoesWithIt() {
        long admin = communeAdmin();
        MemberView head = member("Trưởng Thị Chi Hội", branchA1);
        linked(head);
        roles.assign(head.id(), Role.BRANCH_HEAD, branchA1.id());
        JsonNode done = say(admin, "/thuhoiquyen " + head.phone() + " branch_head " + branchA1.code(), 1);
        assertThat(done.path("text").asText()).contains("Đã thu hồi").contains("Trưởng Thị Chi Hội");
        assertThat(roles.grantsOf(head.id())).isEmpty();
        assertThat(policy.can(accounts.actorOf(head.id()), Permission.BROADCAST, branchA1.id())).isFalse();
        JsonNode again = say(admin, "/thuhoiquyen " + head.phone() + " branch_head " + branchA1.code(), 2);
        assertThat(again.path("text").asText()).contains("không giữ vai trò");
    }

    @Test
    void capquyenAnswersTheSameForAnUnknownNumberAndAMemberOutsideHerSubtree() {
        long admin = communeAdmin();
        MemberView outside = member("Ngoài Thị Phạm Vi", branchB1);
        JsonNode forbidden = say(admin, "/capquyen " + outside.phone() + " group_leader " + branchB1.code(), 1);
        JsonNode otherMember = say(admin, "/capquyen " + outside.phone() + " group_leader " + branchA1.code(), 2);
        JsonNode unknown = say(admin, "/capquyen 0399999999 group_leader " + branchA1.code(), 3);
        assertThat(forbidden.path("text").asText()).isEqualTo(unknown.path("text").asText());
        assertThat(otherMember.path("text").asText()).isEqualTo(unknown.path("text").asText());
        assertThat(roles.grantsOf(outside.id())).isEmpty();
    }

    @Test
    void donviXemAnswersAUnitOutsideHerSubtreeAsUnknown() {
        long admin = communeAdmin();
        JsonNode own = say(admin, "/donvi xem " + branchA1.code(), 1);
        assertThat(own.path("text").asText()).contains(branchA1.name());
        JsonNode other = say(admin, "/donvi xem " + branchB1.code(), 2);
        JsonNode unknown = say(admin, "/donvi xem KHONGCO" + p, 3);
        assertThat(other.path("text").asText()).doesNotContain(branchB1.name())
                .isEqualTo(unknown.path("text").asText().replace("KHONGCO" + p, branchB1.code()));
    }

    @Test
    void herRolesOnHerOldBranchEndWhenSheMovesButOneAboveBothStays() {
        MemberView head = member("Chuyển Thị Đi", branchA1);
        roles.assign(head.id(), Role.BRANCH_HEAD, branchA1.id());
        roles.assign(head.id(), Role.UNIT_VICE_CHAIR, communeA.id());
        directory.transfer(head.id(), branchA2.id(), LocalDate.now(clock));
        assertThat(roles.grantsOf(head.id())).extracting(g -> g.role()).containsExactly(Role.UNIT_VICE_CHAIR);
    }

    @Test
    void theRostersRoleColumnIsTheTruthForHerRolesOnHerUnit() {
        MemberView head = member("Danh Thị Sách", branchA1);
        roles.assign(head.id(), Role.BRANCH_HEAD, branchA1.id());
        String csv = "Họ và tên,Số điện thoại,Năm sinh,Mã chi hội,Chức vụ\nDanh Thị Sách," + head.phone() + ",1980,"
                + branchA1.code() + ",\n";
        var report = importer.importRoster(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "r.csv",
                ImportOptions.lenient());
        assertThat(report.errors()).isEmpty();
        assertThat(roles.grantsOf(head.id())).isEmpty();

        String left = "Họ và tên,Số điện thoại,Năm sinh,Mã chi hội,Chức vụ,Trạng thái\nDanh Thị Sách," + head.phone()
                + ",1980," + branchA1.code() + ",Chi hội trưởng,LEFT\n";
        importer.importRoster(new ByteArrayInputStream(left.getBytes(StandardCharsets.UTF_8)), "r.csv",
                ImportOptions.lenient());
        assertThat(roles.grantsOf(head.id())).isEmpty(); // she left: no role, whatever the column says
    }

    @Test
    void aNoticesReportIsRefusedToItsCreatorOnceSheLostHerRole() {
        MemberView head = member("Báo Thị Cáo", branchA1);
        long user = linked(head);
        roles.assign(head.id(), Role.BRANCH_HEAD, branchA1.id());
        long id = outbox.enqueue(new NewBroadcast(BroadcastKind.NOTICE, head.id(), "test", branchA1.id(), false,
                Map.of("vi", new NewBroadcast.Content("Họp", List.of())), null,
                List.of(NewBroadcast.Recipient.member("telegram", "123456" + SEQ.get(), head.id(), "vi")), null,
                null));
        JsonNode before = say(user, "/baocaogui " + id, 1);
        assertThat(before.path("text").asText()).doesNotContain("Không tìm thấy");
        roles.revoke(head.id(), Role.BRANCH_HEAD, branchA1.id());
        JsonNode after = say(user, "/baocaogui " + id, sentCount(user) + 1);
        assertThat(after.path("text").asText()).contains("Không tìm thấy");
    }
}
