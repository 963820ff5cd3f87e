package vn.hoibot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class AccessPolicyTests {

    static final LocalDate START = LocalDate.of(2020, 1, 1);

    @Autowired
    OrgService org;

    @Autowired
    MemberDirectory directory;

    @Autowired
    RoleAssignments roles;

    @Autowired
    AccessPolicy policy;

    @Autowired
    vn.hoibot.member.Accounts accounts;

    UnitView commune;
    UnitView branch;
    UnitView otherBranch;
    MemberView member;
    MemberView head;
    MemberView otherHead;
    MemberView admin;

    @BeforeEach
    void tree() {
        String p = "A" + System.nanoTime();
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh", "province", null, START));
        commune = org.createUnit(new NewUnit(p + "-X", "Xã", "commune", province.id(), START));
        branch = org.createUnit(new NewUnit(p + "-X-1", "Chi hội 1", "branch", commune.id(), START));
        otherBranch = org.createUnit(new NewUnit(p + "-X-2", "Chi hội 2", "branch", commune.id(), START));
        member = directory.create(new NewMember("Nguyễn Thị Hoa", null, 1980, false, false, START, branch.id(), null, null));
        head = directory.create(new NewMember("Trần Thị Lan", null, 1975, true, false, START, branch.id(), null, null));
        otherHead = directory.create(new NewMember("Lê Thị Mai", null, 1970, false, false, START, otherBranch.id(), null, null));
        admin = directory.create(new NewMember("Phạm Thị Hạnh", null, 1965, true, false, START, province.id(), null, null));
        roles.assign(head.id(), Role.BRANCH_HEAD, branch.id());
        roles.assign(otherHead.id(), Role.BRANCH_HEAD, otherBranch.id());
        roles.assign(admin.id(), Role.ADMIN, province.id());
    }

    @Test
    void letsAMemberSeeOnlyHerOwnData() {
        Actor actor = accounts.actorOf(member.id());
        assertThat(policy.can(actor, Permission.VIEW_OWN_DATA, branch.id())).isTrue();
        assertThat(policy.can(actor, Permission.VIEW_MEMBERS, branch.id())).isFalse();
        assertThat(policy.can(actor, Permission.BROADCAST, branch.id())).isFalse();
    }

    @Test
    void letsABranchHeadManageHerBranchButNotHerNeighboursOrTheCommune() {
        Actor actor = accounts.actorOf(head.id());
        assertThat(policy.can(actor, Permission.BROADCAST, branch.id())).isTrue();
        assertThat(policy.can(actor, Permission.MANAGE_MEMBERS, branch.id())).isTrue();
        assertThat(policy.can(actor, Permission.BROADCAST, otherBranch.id())).isFalse();
        assertThat(policy.can(actor, Permission.BROADCAST, commune.id())).isFalse();
        assertThat(policy.can(actor, Permission.VIEW_INDICATORS, branch.id())).isFalse();
        assertThat(policy.can(actor, Permission.IMPORT_ROSTER, branch.id())).isFalse();
        assertThat(policy.units(actor, Permission.BROADCAST)).containsExactly(branch.id());
        assertThatThrownBy(() -> policy.require(actor, Permission.BROADCAST, otherBranch.id()))
                .isInstanceOf(AccessDeniedException.class).hasMessage("access.denied");
    }

    @Test
    void letsTheOtherBranchHeadActOnlyOnHerOwnBranch() {
        Actor actor = accounts.actorOf(otherHead.id());
        assertThat(policy.can(actor, Permission.MARK_ATTENDANCE, otherBranch.id())).isTrue();
        assertThat(policy.can(actor, Permission.MARK_ATTENDANCE, branch.id())).isFalse();
    }

    @Test
    void letsAnAdminDoEverythingEverywhere() {
        Actor actor = accounts.actorOf(admin.id());
        assertThat(actor.admin()).isTrue();
        for (Permission permission : Permission.values()) {
            assertThat(policy.can(actor, permission, otherBranch.id())).isTrue();
        }
        assertThat(policy.units(actor, Permission.RESTRUCTURE)).contains(org.find(commune.parentId()).orElseThrow().id());
    }

    @Test
    void stopsAfterTheRoleIsRevoked() {
        roles.revoke(head.id(), Role.BRANCH_HEAD, branch.id());
        Actor actor = accounts.actorOf(head.id());
        assertThat(policy.can(actor, Permission.BROADCAST, branch.id())).isFalse();
        assertThat(actor.grants()).containsExactly(new RoleGrant(Role.MEMBER, branch.id()));
    }

    @Test
    void letsAChairActOnEveryBranchOfHerUnit() {
        Actor chair = new Actor(1L, false, java.util.List.of(new RoleGrant(Role.UNIT_CHAIR, commune.id())));
        assertThat(policy.can(chair, Permission.VIEW_INDICATORS, branch.id())).isTrue();
        assertThat(policy.can(chair, Permission.APPROVE_JOIN, otherBranch.id())).isTrue();
        assertThat(policy.can(chair, Permission.ASSIGN_ROLES, otherBranch.id())).isFalse();
        assertThat(policy.units(chair, Permission.VIEW_MEMBERS)).isEqualTo(Set.of(commune.id()));
    }
}
