package vn.hoibot.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.hoibot.chat.UserFacingException;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class RestructuringTests {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate MOVED = LocalDate.of(2025, 3, 1);
    static final LocalDate MERGED = LocalDate.of(2025, 7, 1);

    @Autowired
    OrgService org;

    @Autowired
    Restructuring restructuring;

    UnitView unit(String code, String level, UnitView parent) {
        return org.createUnit(new NewUnit(code, "Đơn vị " + code, level, parent == null ? null : parent.id(), START));
    }

    @Test
    void seesABranchUnderItsOldCommuneBeforeTheMoveAndUnderTheNewOneAfter() {
        UnitView province = unit("P1", "province", null);
        UnitView oldCommune = unit("P1-A", "commune", province);
        UnitView newCommune = unit("P1-B", "commune", province);
        UnitView branch = unit("P1-A-CH1", "branch", oldCommune);
        UnitView group = unit("P1-A-CH1-T1", "group", branch);

        restructuring.move(branch.id(), newCommune.id(), MOVED);

        LocalDate in2024 = LocalDate.of(2024, 6, 1);
        assertThat(org.isWithin(group.id(), oldCommune.id(), in2024)).isTrue();
        assertThat(org.isWithin(group.id(), newCommune.id(), in2024)).isFalse();
        assertThat(org.isWithin(group.id(), newCommune.id(), MOVED)).isTrue();
        assertThat(org.isWithin(group.id(), oldCommune.id(), MOVED)).isFalse();
        assertThat(org.ancestors(group.id(), in2024)).extracting(UnitView::code).containsExactly("P1-A-CH1", "P1-A", "P1");
        assertThat(org.ancestors(group.id(), MOVED)).extracting(UnitView::code).containsExactly("P1-A-CH1", "P1-B", "P1");
        assertThat(org.children(oldCommune.id(), in2024)).extracting(UnitView::code).containsExactly("P1-A-CH1");
        assertThat(org.children(oldCommune.id(), MOVED)).isEmpty();
        assertThat(org.find(branch.id()).orElseThrow().parentId()).isEqualTo(newCommune.id());
        assertThat(org.history(branch.id())).extracting(ChangeView::type)
                .containsExactly(ChangeType.CREATE, ChangeType.MOVE);
    }

    @Test
    void keepsTheOldTreeForDatesBeforeAMergeIntoANewCommune() {
        UnitView province = unit("P2", "province", null);
        UnitView district = unit("P2-D", "district", province);
        UnitView a = unit("P2-D-A", "commune", district);
        UnitView b = unit("P2-D-B", "commune", district);
        UnitView branchA = unit("P2-D-A-CH1", "branch", a);
        UnitView branchB = unit("P2-D-B-CH1", "branch", b);

        UnitView merged = restructuring.mergeIntoNew(List.of(a.id(), b.id()),
                new NewUnit("P2-AB", "Xã mới", "commune", province.id(), null), MERGED);

        LocalDate before = MERGED.minusDays(1);
        assertThat(org.subtree(province.id(), before)).extracting(UnitView::code)
                .containsExactly("P2", "P2-D", "P2-D-A", "P2-D-B", "P2-D-A-CH1", "P2-D-B-CH1");
        assertThat(org.subtree(province.id(), MERGED)).extracting(UnitView::code)
                .containsExactly("P2", "P2-AB", "P2-D", "P2-D-A-CH1", "P2-D-B-CH1");
        assertThat(org.children(merged.id(), MERGED)).extracting(UnitView::id)
                .containsExactlyInAnyOrder(branchA.id(), branchB.id());
        assertThat(org.find(a.id()).orElseThrow().validTo()).isEqualTo(MERGED);
        assertThat(org.subtree(a.id(), MERGED)).isEmpty();
        assertThat(org.isWithin(branchA.id(), a.id(), before)).isTrue();
        assertThat(org.isWithin(branchA.id(), merged.id(), MERGED)).isTrue();
        assertThat(org.roots(MERGED)).extracting(UnitView::code).contains("P2").doesNotContain("P2-AB");
    }

    @Test
    void splitsAUnitSendingNamedChildrenToTheirPart() {
        UnitView province = unit("P3", "province", null);
        UnitView commune = unit("P3-A", "commune", province);
        UnitView one = unit("P3-A-CH1", "branch", commune);
        UnitView two = unit("P3-A-CH2", "branch", commune);

        List<UnitView> parts = restructuring.split(commune.id(), List.of(
                new SplitPart("P3-A1", "Xã A1", Set.of(), Set.of()),
                new SplitPart("P3-A2", "Xã A2", Set.of(two.id()), Set.of())), MERGED);

        assertThat(parts).extracting(UnitView::parentId).containsOnly(province.id());
        assertThat(org.children(parts.get(0).id(), MERGED)).extracting(UnitView::id).containsExactly(one.id());
        assertThat(org.children(parts.get(1).id(), MERGED)).extracting(UnitView::id).containsExactly(two.id());
        assertThat(org.children(commune.id(), MERGED.minusDays(1))).hasSize(2);
    }

    @Test
    void refusesToMoveAUnitUnderItsOwnSubtreeOrSkipAMandatoryLevel() {
        UnitView province = unit("P4", "province", null);
        UnitView commune = unit("P4-A", "commune", province);
        UnitView branch = unit("P4-A-CH1", "branch", commune);

        assertThatThrownBy(() -> restructuring.move(commune.id(), branch.id(), MOVED))
                .isInstanceOf(UserFacingException.class).hasMessage("org.move.cycle");
        assertThatThrownBy(() -> unit("P4-G", "group", province))
                .isInstanceOf(UserFacingException.class).hasMessage("org.unit.bad-level");
        assertThatThrownBy(() -> unit("P4-A", "commune", province))
                .isInstanceOf(UserFacingException.class).hasMessage("org.unit.duplicate-code");
    }

    @Test
    void namesLevelsFromTheMessages() {
        assertThat(org.levelName("commune", Locale.forLanguageTag("vi"))).isEqualTo("Xã, phường");
        assertThat(org.levelName("branch", Locale.ENGLISH)).isEqualTo("Branch");
    }
}
