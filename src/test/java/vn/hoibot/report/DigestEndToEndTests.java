package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.meeting.TestClock;
import vn.hoibot.time.ServiceZone;

/**
 * The monthly digest over Telegram: /dangkybaocao and /huydangkybaocao, then the clock moved past the digest day:
 * the Quartz check (every second here) sends each subscriber one digest; later checks, a second instance racing it
 * and a restart (a new check on the same database) send nothing more that month. Its buttons bring the chart.
 */
@DirtiesContext
@Import({ ReportEndToEndTest.Coverage.class, TestClock.Config.class })
@TestPropertySource(properties = "hoibot.report.digest-check=* * * * * ?")
class DigestEndToEndTests extends ReportEndToEndTest {

    @Autowired
    TestClock clock;
    @Autowired
    Digests digests;

    @Test
    void sendsEachSubscriberHerUnitsDigestOnceAMonth() throws Exception {
        assertThat(ask(cadre, "/dangkybaocao tinh").path("text").asText())
                .startsWith("✅ Chị đã đăng ký nhận báo cáo hằng tháng của Tỉnh Thử. Ngày 3 mỗi tháng, lúc 08:00");
        assertThat(ask(chair, "/dangkybaocao").path("text").asText())
                .startsWith("✅ Chị đã đăng ký nhận báo cáo hằng tháng của Xã Cát Hải.");
        long quitter = newUserId();
        link(quitter, data.person("quitter", "UNIT_CHAIR", "XA_D"));
        ask(quitter, "/dangkybaocao");
        assertThat(ask(quitter, "/huydangkybaocao").path("text").asText()).startsWith("Em đã hủy đăng ký");
        assertThat(ask(quitter, "/huydangkybaocao").path("text").asText()).startsWith("Chị chưa đăng ký");
        assertThat(ask(newUserId(), "/dangkybaocao").path("text").asText()).startsWith("Lệnh này dành cho");
        assertThat(count("select count(*) from report_subscription")).isEqualTo(2);

        // the digest day comes: the Quartz check sends one digest to each subscriber
        YearMonth month = nextDigestMonth();
        int cadreBefore = digestsTo(cadre).size();
        int chairBefore = digestsTo(chair).size();
        clock.moveTo(digests.dueAt(month).plusSeconds(30));
        await().atMost(Duration.ofSeconds(15)).until(() -> digestsTo(cadre).size() == cadreBefore + 1
                && digestsTo(chair).size() == chairBefore + 1);
        JsonNode digest = digestsTo(cadre).get(cadreBefore);
        assertThat(digest.path("text").asText())
                .startsWith("📬 Báo cáo tháng " + month.getMonthValue() + "/" + month.getYear() + " của Tỉnh Thử")
                .contains("Cơ sở Hội chưa nộp báo cáo kỳ").contains("trên 4 cơ sở")
                .contains("Chi hội chưa có buổi sinh hoạt nào trong tháng");
        assertThat(digestsTo(chair).get(chairBefore).path("text").asText()).contains("của Xã Cát Hải");
        assertThat(count("select count(*) from report_digest_sent where digest_month = '" + month + "'"))
                .isEqualTo(2);

        // later checks, a second instance and a restart find the month claimed
        awaitTwoMoreChecks();
        assertThat(digests.sendDue()).isZero();
        assertThat(queuedTo(cadre)).isEqualTo(1);
        assertThat(queuedTo(chair)).isEqualTo(1);

        // the chart button of the digest brings a picture
        int photos = telegram.files(token, cadre, "sendphoto", "photo").size();
        deliver(FakeTelegram.button(cadre, FakeTelegram.buttonData(digest, "Biểu đồ xếp hạng"), 950));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> telegram.files(token, cadre, "sendphoto", "photo").size() > photos);
        ChartEndToEndTests.decode(telegram.files(token, cadre, "sendphoto", "photo").get(photos));

        // the next month, two instances check at once: still one digest each
        YearMonth next = month.plusMonths(1);
        CyclicBarrier together = new CyclicBarrier(2);
        Instant nextDue = digests.dueAt(next).plusSeconds(30);
        clock.moveTo(nextDue);
        List<CompletableFuture<Integer>> racing = List.of(race(together), race(together));
        assertThat(racing.stream().mapToInt(CompletableFuture::join).sum()).isLessThanOrEqualTo(2); // Quartz races too
        await().atMost(Duration.ofSeconds(15)).until(() -> digestsTo(cadre).size() == cadreBefore + 2
                && digestsTo(chair).size() == chairBefore + 2);
        awaitTwoMoreChecks();
        assertThat(digests.sendDue()).isZero();
        assertThat(count("select count(*) from report_digest_sent where digest_month = '" + next + "'"))
                .isEqualTo(2);
        assertThat(queuedTo(cadre)).isEqualTo(2);
        assertThat(queuedTo(chair)).isEqualTo(2);
        assertThat(digestsTo(cadre)).hasSize(cadreBefore + 2);
        assertThat(queuedTo(quitter)).isZero();
    }

    private CompletableFuture<Integer> race(CyclicBarrier together) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return digests.sendDue();
        });
    }

    /** The first month whose digest is still ahead of the clock. */
    private YearMonth nextDigestMonth() {
        YearMonth month = YearMonth.from(ServiceZone.today(clock));
        return clock.instant().isBefore(digests.dueAt(month)) ? month : month.plusMonths(1);
    }

    /** Waits until the Quartz check has fired twice after now (system time, as Quartz keeps it). */
    private void awaitTwoMoreChecks() {
        long after = System.currentTimeMillis() + 1000;
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "select prev_fire_time from qrtz_triggers where trigger_name = ?").param(DigestJob.NAME)
                .query(Long.class).single() > after);
    }

    /** Messages the outbox holds for her chat: only digests go through it in this test. */
    private int queuedTo(long user) {
        return jdbc.sql("select count(*) from outbox where chat_id = ?").param(String.valueOf(user))
                .query(Integer.class).single();
    }

    private List<JsonNode> digestsTo(long user) {
        return telegram.sentTo(token, user).stream().filter(b -> FakeTelegram.textContains(b, "📬 Báo cáo tháng"))
                .toList();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
