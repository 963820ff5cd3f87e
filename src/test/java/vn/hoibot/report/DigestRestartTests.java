package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.indicator.IndicatorDataset;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.time.ServiceZone;

/**
 * The monthly digest with real instances on one database (H2 or, with HOIBOT_TEST_DB=postgres, PostgreSQL): the
 * digest day is the 1st at 00:00, so this month's digest is due now, and the Quartz check runs every second. One
 * instance sends it and stops; a new one started on the same database sends nothing more; two instances running
 * together send a new subscriber's digest once.
 */
class DigestRestartTests {

    static final String TOKEN = "1004:digest-restart";
    static final AtomicLong CHATS = new AtomicLong(840_000_000L);

    @Test
    void sendsEachSubscribersDigestOnceAcrossARestartAndTwoInstances() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        YearMonth month;
        long cadreChat = CHATS.incrementAndGet();
        long chairChat = CHATS.incrementAndGet();
        IndicatorDataset data;
        try (ConfigurableApplicationContext first = start(database, null)) {
            month = YearMonth.from(ServiceZone.today(first.getBean(java.time.Clock.class)));
            data = new IndicatorDataset("DR-", first.getBean(OrgService.class), first.getBean(Restructuring.class),
                    first.getBean(JdbcClient.class), first.getBean(IndicatorRecords.class),
                    first.getBean(ReportPeriods.class)).build();
            data.person("cadre", "PROVINCIAL_CADRE", "PROV");
            data.person("chair", "UNIT_CHAIR", "XA_C"); // subscribes later, while two instances run
            subscribe(first, data.members.get("cadre"), data.units.get("PROV"), cadreChat);
            await().atMost(Duration.ofSeconds(60)).until(() -> digestsTo(cadreChat) == 1);
        }

        try (ConfigurableApplicationContext second = start(database, null)) {
            awaitChecks(second, 3);
            assertThat(digestsTo(cadreChat)).isOne();
            assertThat(sentRows(second, month)).isOne();

            // a second instance joins the first on the same database; a new subscriber gets one digest from them
            try (ConfigurableApplicationContext third = start(database, second.getBean(DataSource.class))) {
                subscribe(third, data.members.get("chair"), data.units.get("XA_C"), chairChat);
                await().atMost(Duration.ofSeconds(60)).until(() -> digestsTo(chairChat) == 1);
                awaitChecks(second, 3);
                awaitChecks(third, 3);
                assertThat(digestsTo(chairChat)).isOne();
                assertThat(digestsTo(cadreChat)).isOne();
                assertThat(sentRows(third, month)).isEqualTo(2);
                JdbcClient jdbc = third.getBean(JdbcClient.class);
                assertThat(jdbc.sql("select count(*) from outbox where chat_id in (?, ?)")
                        .params(String.valueOf(cadreChat), String.valueOf(chairChat)).query(Integer.class).single())
                        .isEqualTo(2);
            }
        }
    }

    /**
     * An instance on the database; with {@code shared} it uses that connection pool (two instances in one JVM must:
     * Quartz keeps its job store's connections in a JVM-wide registry under the scheduler name they share).
     */
    static ConfigurableApplicationContext start(Map<String, Object> database, DataSource shared) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("hoibot.test.keep-datasource", "true");
        props.put("hoibot.telegram.token", TOKEN);
        props.put("hoibot.telegram.api-url", FakeTelegram.instance().url());
        props.put("hoibot.broadcast.poll-interval", "50ms");
        props.put("hoibot.report.digest-day", "1");
        props.put("hoibot.report.digest-time", "00:00");
        props.put("hoibot.report.digest-check", "* * * * * ?");
        props.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
        props.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HoiBotApplication.class)
                .web(WebApplicationType.NONE);
        if (shared != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("dataSource", shared));
        }
        return builder.run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    /** Links her Telegram chat and subscribes her, as /dangkybaocao does, before this month's digest was due. */
    private static void subscribe(ConfigurableApplicationContext ctx, long member, long unit, long chat) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(2);
        jdbc.sql("insert into member_account (member_id, channel, user_id, chat_id, language, linked_at) "
                + "values (?, 'telegram', ?, ?, 'vi', ?)").params(member, String.valueOf(chat), String.valueOf(chat),
                        before).update();
        jdbc.sql("insert into report_subscription (member_id, unit_id, created_at) values (?, ?, ?)")
                .params(member, unit, before).update();
    }

    /** Waits until this instance's view of the Quartz check shows {@code n} more firings (any instance's). */
    private static void awaitChecks(ConfigurableApplicationContext ctx, int n) {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        long after = System.currentTimeMillis() + (n - 1) * 1000L;
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select prev_fire_time from qrtz_triggers where trigger_name = ?").param(DigestJob.NAME)
                .query(Long.class).single() > after);
    }

    private static int sentRows(ConfigurableApplicationContext ctx, YearMonth month) {
        return ctx.getBean(JdbcClient.class).sql("select count(*) from report_digest_sent where digest_month = ?")
                .param(month.toString()).query(Integer.class).single();
    }

    private static long digestsTo(long chat) {
        return FakeTelegram.instance().sentTo(TOKEN, chat).stream()
                .filter(b -> FakeTelegram.textContains(b, "📬 Báo cáo tháng")).count();
    }
}
