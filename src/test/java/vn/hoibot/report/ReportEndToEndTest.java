package vn.hoibot.report;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.indicator.IndicatorDataset;
import vn.hoibot.indicator.IndicatorEngineTests;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;

/**
 * Base of the report module's end-to-end tests: the hand-built province of the indicator tests (known answers), a
 * provincial cadre on it and the chair of Xã Cát Hải, both linked through the onboarding dialog.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(ReportEndToEndTest.Coverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportEndToEndTest extends EndToEndTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Coverage {
        @Bean
        @Primary
        IndicatorEngineTests.FakeCoverage fakeCoverage() {
            return new IndicatorEngineTests.FakeCoverage();
        }
    }

    @Autowired
    OrgService org;
    @Autowired
    Restructuring restructuring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorRecords records;
    @Autowired
    ReportPeriods periods;
    @Autowired
    IndicatorEngineTests.FakeCoverage coverage;

    IndicatorDataset data;
    String prefix;
    long cadre;
    long chair;

    @BeforeAll
    void provinceAndPeople() {
        prefix = "R" + System.nanoTime() % 100000 + "-";
        data = new IndicatorDataset(prefix, org, restructuring, jdbc, records, periods).build();
        coverage.dataset = data;
        String cadrePhone = data.person("cadre", "PROVINCIAL_CADRE", "PROV");
        String chairPhone = data.person("chair", "UNIT_CHAIR", "XA_C");
        cadre = newUserId();
        chair = newUserId();
        link(cadre, cadrePhone);
        link(chair, chairPhone);
    }

    /** Sends a text and waits for the first message that follows. */
    JsonNode ask(long user, String text) {
        return ask(user, text, 1).get(0);
    }

    /** Sends a text and waits for the {@code n} messages that follow. */
    List<JsonNode> ask(long user, String text, int n) {
        int before = sentCount(user);
        deliver(FakeTelegram.text(user, text));
        return after(user, before, n);
    }

    List<JsonNode> after(long user, int before, int n) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> telegram.sentTo(token, user).size() >= before + n);
        List<JsonNode> sent = telegram.sentTo(token, user);
        return sent.subList(before, before + n);
    }

    /** /start, agree, share her own contact (as the onboarding tests do). */
    void link(long user, String phone) {
        deliver(FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(token, user, b -> b.path("reply_markup").has("inline_keyboard"));
        deliver(FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại")
                && b.path("reply_markup").has("keyboard"));
        deliver(FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }
}
