package vn.hoibot.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.RowError;


@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class UnitImporterTests {

    static final LocalDate START = LocalDate.of(2023, 1, 1);

    @Autowired
    UnitImporter importer;

    @Autowired
    OrgService org;

    ImportReport importUnits(String text, boolean strict, LocalDate on) {
        return importer.importUnits(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "don-vi.csv",
                new ImportOptions(strict, on));
    }

    @Test
    void importsATreeWithParentsListedAfterTheirChildren() {
        String p = "U" + System.nanoTime();
        String text = """
                Mã đơn vị;Tên đơn vị;Cấp;Mã đơn vị cha
                {p}-HV-CH01;Chi hội xóm 1;Chi hội;{p}-HV
                {p}-HV;Hội LHPN xã Hải Vân;Xã;{p}
                {p};Hội LHPN tỉnh Nam Định;Tỉnh;
                """.replace("{p}", p);

        ImportReport report = importUnits(text, false, START);

        assertThat(report.errors()).isEmpty();
        assertThat(report.created()).isEqualTo(3);
        UnitView branch = org.findByCode(p + "-HV-CH01").orElseThrow();
        assertThat(branch.level()).isEqualTo("branch");
        assertThat(org.ancestors(branch.id(), START)).extracting(UnitView::code).containsExactly(p + "-HV", p);
        assertThat(importUnits(text, false, START).unchanged()).isEqualTo(3);
    }

    @Test
    void movesAUnitWhoseParentChangedFromTheEffectiveDate() {
        String p = "V" + System.nanoTime();
        importUnits("""
                Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cha
                {p},Tỉnh,Tỉnh,
                {p}-A,Xã A,Xã,{p}
                {p}-B,Xã B,Xã,{p}
                {p}-A-1,Chi hội 1,Chi hội,{p}-A
                """.replace("{p}", p), false, START);
        LocalDate moved = LocalDate.of(2025, 7, 1);

        ImportReport report = importUnits("""
                Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cha
                {p}-A-1,Chi hội thôn Đông,Chi hội,{p}-B
                """.replace("{p}", p), false, moved);

        assertThat(report.updated()).isEqualTo(1);
        long branch = org.findByCode(p + "-A-1").orElseThrow().id();
        assertThat(org.isWithin(branch, org.findByCode(p + "-A").orElseThrow().id(), START)).isTrue();
        assertThat(org.isWithin(branch, org.findByCode(p + "-B").orElseThrow().id(), moved)).isTrue();
        assertThat(org.find(branch).orElseThrow().name()).isEqualTo("Chi hội thôn Đông");
    }

    @Test
    void reportsBadRowsAndInStrictModeAppliesNothing() {
        String p = "W" + System.nanoTime();
        String text = """
                Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cha
                {p},Tỉnh,Tỉnh,
                {p}-A,,Xã,{p}
                {p}-B,Xã B,Phố,{p}
                {p}-C,Xã C,Xã,KHONG-CO
                {p}-D,Tổ D,Tổ hội,{p}
                {p},Tỉnh lần hai,Tỉnh,
                """.replace("{p}", p);

        ImportReport strict = importUnits(text, true, START);

        assertThat(strict.applied()).isFalse();
        assertThat(org.findByCode(p)).isEmpty();
        assertThat(strict.errors()).extracting(RowError::rowNumber).containsExactly(3, 4, 5, 6, 7);
        assertThat(strict.errors()).extracting(RowError::key).containsExactly("org.import.missing-name",
                "org.import.unknown-level", "org.import.unknown-parent", "org.import.bad-parent-level",
                "org.import.duplicate-code");

        ImportReport lenient = importUnits(text, false, START);

        assertThat(lenient.applied()).isTrue();
        assertThat(lenient.created()).isEqualTo(1);
        assertThat(org.findByCode(p)).isPresent();
    }
}
