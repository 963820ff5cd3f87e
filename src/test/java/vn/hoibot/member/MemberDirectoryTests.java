package vn.hoibot.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class MemberDirectoryTests {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate MERGED = LocalDate.of(2025, 7, 1);

    @Autowired
    OrgService org;

    @Autowired
    Restructuring restructuring;

    @Autowired
    MemberDirectory directory;

    @Autowired
    RoleAssignments roles;

    UnitView unit(String code, String level, UnitView parent) {
        return org.createUnit(new NewUnit(code, code, level, parent == null ? null : parent.id(), START));
    }

    @Test
    void followsAMergeForMembersOfTheAbsorbedCommunesAndKeepsTheirPast() {
        UnitView province = unit("M1", "province", null);
        UnitView a = unit("M1-A", "commune", province);
        UnitView b = unit("M1-B", "commune", province);
        UnitView branchA = unit("M1-A-1", "branch", a);
        MemberView chairB = directory.create(new NewMember("Vũ Thị Thu", "0912000001", 1970, true, true, START,
                b.id(), Set.of(MemberTag.CONG_GIAO), null));
        MemberView inBranch = directory.create(new NewMember("Đỗ Thị Nga", null, 1990, false, false, START,
                branchA.id(), null, null));
        roles.assign(chairB.id(), Role.UNIT_CHAIR, b.id());

        restructuring.merge(List.of(b.id()), a.id(), MERGED);

        assertThat(directory.memberOf(chairB.id(), MERGED.minusDays(1))).contains(b.id());
        assertThat(directory.memberOf(chairB.id(), MERGED)).contains(a.id());
        assertThat(directory.memberOf(inBranch.id(), MERGED)).contains(branchA.id());
        assertThat(directory.membersOf(a.id(), MERGED, true)).extracting(MemberView::id)
                .containsExactlyInAnyOrder(chairB.id(), inBranch.id());
        assertThat(directory.membersOf(a.id(), MERGED.minusDays(1), true)).extracting(MemberView::id)
                .containsExactly(inBranch.id());
        assertThat(directory.count(b.id(), MERGED.minusDays(1), true)).isEqualTo(1);
        assertThat(directory.findById(chairB.id()).orElseThrow().unitId()).isEqualTo(a.id());
        assertThat(roles.holders(Role.UNIT_CHAIR, b.id())).isEmpty();
    }

    @Test
    void findsMembersByPhoneInAnyFormatAndByNameWithoutAccents() {
        UnitView province = unit("M2", "province", null);
        UnitView commune = unit("M2-A", "commune", province);
        MemberView hoa = directory.create(new NewMember("Nguyễn Thị Hoà", "0912 000 002", 1985, false, false, null,
                commune.id(), null, null));
        directory.create(new NewMember("Trần Thị Đào", null, 1985, false, false, null, commune.id(), null, null));

        assertThat(directory.findByPhone("+84 912 000 002")).map(MemberView::id).contains(hoa.id());
        assertThat(directory.findByPhone("84912000002")).map(MemberView::phone).contains("+84912000002");
        assertThat(directory.search(province.id(), "nguyen thi hoa", PageRequest.of(0, 10)))
                .extracting(MemberView::id).containsExactly(hoa.id());
        assertThat(directory.search(province.id(), "ĐÀO", PageRequest.of(0, 10))).hasSize(1);
        assertThat(directory.search(province.id(), "thi", PageRequest.of(0, 1)).getTotalElements()).isEqualTo(2);
    }

    @Test
    void erasesPersonalDataButKeepsTheId() {
        UnitView province = unit("M3", "province", null);
        MemberView m = directory.create(new NewMember("Bùi Thị Yến", "0912000003", 1988, true, true, START,
                province.id(), Set.of(MemberTag.CONG_NHAN, MemberTag.PHU_NU_TRE), null));

        directory.erasePersonalData(m.id());

        MemberView erased = directory.findById(m.id()).orElseThrow();
        assertThat(erased.fullName()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.birthYear()).isNull();
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.partyMember()).isFalse();
        assertThat(erased.status()).isEqualTo("ERASED");
        assertThat(directory.findByPhone("0912000003")).isEmpty();
    }

    @Test
    void refusesADuplicatePhoneOrAMissingName() {
        UnitView province = unit("M4", "province", null);
        directory.create(new NewMember("Mai Thị Hằng", "0912000004", 1988, false, false, null, province.id(), null, null));
        assertThatThrownBy(() -> directory.create(new NewMember("Khác", "+84912000004", 1990, false, false, null,
                province.id(), null, null))).isInstanceOf(UserFacingException.class).hasMessage("member.phone.taken");
        assertThatThrownBy(() -> directory.create(new NewMember(" ", null, 1990, false, false, null,
                province.id(), null, null))).isInstanceOf(UserFacingException.class).hasMessage("member.name.missing");
    }
}
