package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;

/**
 * /chuabaocao, its "Nhắc tất cả" button and /canhotro over Telegram: the reminders go through the outbox to exactly
 * the linked leaders of the units that need a push, each unit at most once a day.
 */
class PushEndToEndTests extends ReportEndToEndTest {

    @Autowired
    Clock clock;

    long communeChair;
    long branchHead;

    @BeforeAll
    void leadersOfTheUnitsBehind() {
        communeChair = newUserId();
        branchHead = newUserId();
        link(communeChair, data.person("dchair", "UNIT_CHAIR", "XA_D"));
        link(branchHead, data.person("d1head", "BRANCH_HEAD", "D1"));
    }

    @Test
    void listsTheUnitsBehindAndRemindsTheirLeadersOnceADay() {
        YearMonth last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        String month = last.getMonthValue() + "-" + last.getYear();
        JsonNode list = ask(cadre, "/chuabaocao tinh 6t-2026");
        String text = list.path("text").asText();
        assertThat(text).startsWith("📋 Đơn vị cần nhắc của Tỉnh Thử")
                .contains("Cơ sở Hội chưa nộp báo cáo kỳ 6t-2026: 2 trên 4 cơ sở.")
                .contains("• Xã Đông Hải — phụ trách: Hội viên dchair")
                .contains("• Xã Hải Vân — chưa có người phụ trách trên bot")
                .contains("Chi hội chưa có buổi sinh hoạt nào trong tháng " + month + ": 6 chi hội.")
                .contains("• Chi hội D1 — phụ trách: Hội viên d1head")
                .contains("• Chi hội A1 — phụ trách: Hội viên a1m1");
        String nudge = FakeTelegram.buttonData(list, "Nhắc tất cả");
        int chairBefore = sentCount(communeChair);
        int headBefore = sentCount(branchHead);

        int before = sentCount(cadre);
        deliver(FakeTelegram.button(cadre, nudge, 900));
        // XA_D and the six branches have leaders; only dchair and d1head use the bot
        assertThat(after(cadre, before, 1).get(0).path("text").asText())
                .isEqualTo("Em đã xếp lịch gửi 2 tin nhắc tới người phụ trách của 7 đơn vị. 0 đơn vị đã được nhắc "
                        + "hôm nay nên em không nhắc lại; 5 người phụ trách chưa dùng bot nên chưa nhắc được.");
        assertThat(after(communeChair, chairBefore, 1).get(0).path("text").asText())
                .isEqualTo("Chào chị Hội viên dchair. Em là HoiBot, xin nhắc nhẹ: Xã Đông Hải chưa nộp báo cáo kỳ "
                        + "6t-2026. Khi nào thuận tiện, chị gửi báo cáo bằng lệnh /nopbaocao giúp em nhé. Cảm ơn chị nhiều!");
        assertThat(after(branchHead, headBefore, 1).get(0).path("text").asText())
                .startsWith("Chào chị Hội viên d1head. Em là HoiBot, xin nhắc nhẹ: tháng " + month
                        + ", Chi hội D1 chưa có buổi sinh hoạt nào");

        before = sentCount(cadre);
        deliver(FakeTelegram.button(cadre, nudge, 900));
        assertThat(after(cadre, before, 1).get(0).path("text").asText())
                .startsWith("Em đã xếp lịch gửi 0 tin nhắc tới người phụ trách của 0 đơn vị. 7 đơn vị đã được nhắc");
        // the commune chair nudges her own branch the same day: already reminded
        JsonNode own = ask(communeChair, "/chuabaocao 6t-2026");
        assertThat(own.path("text").asText()).contains("• Chi hội D1 — phụ trách: Hội viên d1head");
        before = sentCount(communeChair);
        deliver(FakeTelegram.button(communeChair, FakeTelegram.buttonData(own, "Nhắc tất cả"), 901));
        assertThat(after(communeChair, before, 1).get(0).path("text").asText())
                .startsWith("Em đã xếp lịch gửi 0 tin nhắc");
        assertThat(sentCount(communeChair)).isEqualTo(chairBefore + 3);
        assertThat(sentCount(branchHead)).isEqualTo(headBefore + 1);
    }

    @Test
    void ranksTheUnitsByTheTargetsTheyMiss() {
        String text = ask(cadre, "/canhotro tinh 6t-2026").path("text").asText();
        assertThat(text).startsWith("🤝 Đơn vị cần hỗ trợ của Tỉnh Thử, kỳ 6t-2026")
                .contains("• Xã Hải Vân: thiếu 3 — I1 \"1+1\"; I2 \"3 có, 3 biết\"; I6 Tham mưu CTMTQG");
        int previous = Integer.MAX_VALUE;
        for (String line : text.split("\n")) {
            if (line.startsWith("• ")) {
                int missed = Integer.parseInt(line.replaceAll(".*: thiếu (\\d+) —.*", "$1"));
                assertThat(missed).isLessThanOrEqualTo(previous);
                previous = missed;
            }
        }
    }

    @Test
    void computesEveryReportOutsideTheChatTransaction() {
        for (String command : List.of("/baocao tinh 6t-2026", "/bieudo tinh 6t-2026", "/bieudo tinh 6t-2026 I2",
                "/canhotro tinh 6t-2026", "/chuabaocao tinh 6t-2026")) {
            coverage.insideReadWrite.clear();
            ask(cadre, command, command.endsWith("I2") ? 2 : 1);
            // the engine asks the survey coverage twice per period; never inside the update's read-write transaction
            assertThat(coverage.insideReadWrite).as(command).isNotEmpty().containsOnly(false);
        }
    }

    @Test
    void keepsTheChairInsideHerSubtree() {
        assertThat(ask(chair, "/chuabaocao An Bình 6t-2026").path("text").asText())
                .startsWith("Em không tìm thấy đơn vị \"An Bình\"");
        assertThat(ask(newUserId(), "/canhotro").path("text").asText()).startsWith("Lệnh này dành cho");
    }
}
