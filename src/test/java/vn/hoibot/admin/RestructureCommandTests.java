package vn.hoibot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;

class RestructureCommandTests extends EndToEndTest {

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;

    @Test
    void mergesTwoCommunesAfterTheAdminConfirmsAndKeepsTheOldTreeForEarlierDates() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit("RC", "Tỉnh", "province", null, from));
        UnitView a = org.createUnit(new NewUnit("RC-A", "Xã Hải Vân", "commune", province.id(), from));
        UnitView b = org.createUnit(new NewUnit("RC-B", "Xã Hải Hà", "commune", province.id(), from));
        UnitView branch = org.createUnit(new NewUnit("RC-B-1", "Chi hội xóm 3", "branch", b.id(), from));
        MemberView member = directory.create(new NewMember("Bùi Thị Hạnh", null, 1970, false, false, from,
                branch.id(), Set.of(), null));

        int before = sentCount(ADMIN_USER);
        // accents as she types them, a code in lower case; the confirmation names the units beside their codes
        JsonNode confirm = say(ADMIN_USER, "/donvi gộp rc-b vào RC-A 1/7/2025", before + 1);
        assertThat(confirm.path("text").asText()).contains("Gộp RC-B (Xã Hải Hà) vào RC-A (Xã Hải Vân) từ ngày 1/7/2025");
        assertThat(org.isWithin(branch.id(), b.id(), LocalDate.of(2025, 8, 1))).isTrue(); // nothing yet

        deliver(FakeTelegram.button(ADMIN_USER, FakeTelegram.buttonData(confirm, "Thực hiện"), 31));
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("message_id").asInt() == 31 && e.path("text").asText().startsWith("Đã thực hiện")));
        assertThat(org.isWithin(branch.id(), a.id(), LocalDate.of(2025, 8, 1))).isTrue();
        assertThat(org.isWithin(branch.id(), b.id(), LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(directory.memberOf(member.id(), LocalDate.of(2025, 8, 1))).contains(branch.id());

        JsonNode shown = say(ADMIN_USER, "/donvi xem RC-B", sentCount(ADMIN_USER) + 1);
        assertThat(shown.path("text").asText()).contains("Xã Hải Hà").contains("gộp 1/7/2025");
    }

    @Test
    void explainsTheUsageAndChangesNothingOnABadDate() {
        int before = sentCount(ADMIN_USER);
        JsonNode reply = say(ADMIN_USER, "/donvi chuyen RC-X vao RC-Y 31/02/2025", before + 1);
        assertThat(reply.path("text").asText()).contains("31/02/2025").contains("ngày/tháng/năm");
    }

    @Test
    void refusesRestructuringToAMember() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit("RM", "Tỉnh", "province", null, from));
        org.createUnit(new NewUnit("RM-A", "Xã A", "commune", province.id(), from));
        org.createUnit(new NewUnit("RM-B", "Xã B", "commune", province.id(), from));
        long user = newUserId();
        JsonNode reply = say(user, "/donvi gop RM-B vao RM-A 01/07/2025", 1);
        assertThat(reply.path("text").asText()).contains("quản trị viên");
        JsonNode usage = say(user, "/donvi", 2); // nor the usage: it is not hers to use
        assertThat(usage.path("text").asText()).contains("quản trị viên").doesNotContain("Cách dùng");
    }
}
