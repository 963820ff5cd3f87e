package vn.hoibot.member.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.hoibot.member.MemberDirectory;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.spreadsheet.ImportReport;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class DemoDataLoaderTests {

    @Autowired
    DemoDataLoader loader;
    @Autowired
    java.time.Clock clock;

    @Autowired
    OrgService org;

    @Autowired
    MemberDirectory directory;

    @Autowired
    RoleAssignments roles;

    @Test
    void loadsTheDemoProvinceWithTwoThousandMembersAndAHeadInEveryBranch() {
        List<ImportReport> reports = loader.load();

        assertThat(reports).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        LocalDate today = LocalDate.now(clock);
        UnitView province = org.findByCode("ND").orElseThrow();
        List<UnitView> tree = org.subtree(province.id(), today);
        List<UnitView> communes = tree.stream().filter(u -> u.level().equals("commune")).toList();
        List<UnitView> branches = tree.stream().filter(u -> u.level().equals("branch")).toList();
        assertThat(communes).hasSize(15).extracting(UnitView::name).contains("Hội LHPN xã Hải Vân");
        assertThat(branches).hasSizeGreaterThanOrEqualTo(30);
        assertThat(directory.count(province.id(), today, true)).isBetween(1900L, 2100L);
        assertThat(branches).allSatisfy(b -> assertThat(roles.holders(Role.BRANCH_HEAD, b.id())).hasSize(1));
        assertThat(communes).allSatisfy(c -> assertThat(roles.holders(Role.UNIT_CHAIR, c.id())).hasSize(1));

        List<ImportReport> again = loader.load();

        assertThat(again).allSatisfy(r -> assertThat(r.created() + r.updated()).isZero());
    }
}
