package vn.hoibot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;

/** An admin sends the roster file to the bot; the bot fetches it, imports it and reports bad rows by number. */
class RosterUploadTests extends EndToEndTest {

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;

    @Test
    void importsARosterAnAdminSendsAndReportsBadRowsByNumber() {
        UnitView province = org.createUnit(new NewUnit("UP", "Tỉnh", "province", null, LocalDate.of(2020, 1, 1)));
        UnitView commune = org.createUnit(new NewUnit("UP-X", "Xã Hải Hà", "commune", province.id(), LocalDate.of(2020, 1, 1)));
        org.createUnit(new NewUnit("UP-X-1", "Chi hội xóm 1", "branch", commune.id(), LocalDate.of(2020, 1, 1)));
        String csv = "STT;Họ và tên;Số điện thoại;Năm sinh;Mã chi hội\n"
                + "1;Trần Thị Nhung;0987 111 222;1980;UP-X-1\n"
                + "2;Lê Thị Sen;12345;1981;UP-X-1\n";
        int before = sentCount(ADMIN_USER);
        sendDocument(ADMIN_USER, "rost1", "danhsach.csv", null, csv.getBytes(StandardCharsets.UTF_8));
        JsonNode report = telegram.awaitMessage(token, ADMIN_USER, before + 1);
        assertThat(report.path("text").asText()).contains("KẾT QUẢ NHẬP DANH SÁCH")
                .contains("Dòng 3").contains("Số điện thoại không hợp lệ: 12345");
        assertThat(directory.findByPhone("+84987111222")).get().extracting(MemberView::fullName).isEqualTo("Trần Thị Nhung");
    }

    @Test
    void refusesAFileFromSomeoneWhoIsNotAnAdmin() {
        long user = newUserId();
        sendDocument(user, "rost2", "danhsach.csv", null, "Họ và tên\nAi đó\n".getBytes(StandardCharsets.UTF_8));
        assertThat(telegram.awaitMessage(token, user, 1).path("text").asText()).contains("chưa cần tệp");
    }

    @Test
    void refusesAFileThatIsNotASpreadsheet() {
        int before = sentCount(ADMIN_USER);
        sendDocument(ADMIN_USER, "rost3", "anh.pdf", null, new byte[] { 1, 2, 3 });
        assertThat(telegram.awaitMessage(token, ADMIN_USER, before + 1).path("text").asText()).contains("CSV");
    }
}
