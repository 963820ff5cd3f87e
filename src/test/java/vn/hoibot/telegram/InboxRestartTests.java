package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.chat.Inbox;

/**
 * The inbox across instances on one database: updates stored by one instance and left unhandled (stopped, or
 * died holding claims) are handled by the next, each exactly once and in order per chat; two live instances
 * share the work without handling anything twice; a database that goes away while updates arrive loses none.
 */
class InboxRestartTests {

    private final FakeTelegram telegram = FakeTelegram.instance();

    static ConfigurableApplicationContext start(Map<String, Object> database, String token, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("hoibot.test.keep-datasource", "true");
        props.put("hoibot.telegram.token", token);
        props.put("hoibot.telegram.api-url", FakeTelegram.instance().url());
        props.put("hoibot.telegram.retry-delay", "200ms");
        props.put("hoibot.telegram.max-retry-delay", "1s");
        props.put("hoibot.chat.inbox-poll-interval", "50ms");
        props.put("hoibot.chat.inbox-retry-delay", "200ms");
        props.put("hoibot.chat.inbox-max-retry-delay", "1s");
        props.put("hoibot.chat.inbox-lease", "3s");
        props.putAll(extra);
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE).run(args);
    }

    private static List<Long> chats(long base, int n) {
        return LongStream.range(0, n).map(i -> base + i).boxed().toList();
    }

    /** Each chat got exactly its three replies, in the order its updates came. */
    private void assertEachOnceInOrder(String token, List<Long> chats) {
        for (long chat : chats) {
            await().atMost(Duration.ofSeconds(60)).until(() -> telegram.sentTo(token, chat).size() >= 3);
        }
        await().during(Duration.ofMillis(500)).until(() -> chats.stream().allMatch(c -> telegram.sentTo(token, c).size() == 3));
        for (long chat : chats) {
            List<JsonNode> sent = telegram.sentTo(token, chat);
            for (int i = 0; i < 3; i++) {
                assertThat(sent.get(i).path("text").asText()).contains("/a" + i);
            }
        }
    }

    private void deliverThreeEach(String token, List<Long> chats) {
        for (int i = 0; i < 3; i++) {
            for (long chat : chats) {
                telegram.deliver(token, FakeTelegram.text(chat, "/a" + i));
            }
        }
    }

    @Test
    void theNextInstanceHandlesWhatAStoppedOrDeadOneLeftExactlyOnceAndInOrder() {
        String token = "1002:inbox-takeover";
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        List<Long> chats = chats(820_000_000L, 10);
        try (ConfigurableApplicationContext intake = start(database, token, Map.of("hoibot.chat.inbox-workers-enabled", "false"))) {
            deliverThreeEach(token, chats);
            Inbox inbox = intake.getBean(Inbox.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox.pending() == 30);
            // an instance that died while handling the first updates of three chats: its claims are still there
            intake.getBean(JdbcTemplate.class).update("""
                    update inbox_update set claimed_by = 'i-dead', claimed_until = current_timestamp, attempts = 1
                    where chat_key in (?, ?, ?) and update_key in (select min(update_key) from inbox_update group by chat_key)""",
                    chats.get(0).toString(), chats.get(1).toString(), chats.get(2).toString());
        }
        assertThat(chats).allMatch(c -> telegram.sentTo(token, c).isEmpty());

        try (ConfigurableApplicationContext next = start(database, token, Map.of())) {
            assertEachOnceInOrder(token, chats);
            await().until(() -> next.getBean(Inbox.class).pending() == 0);
        }
    }

    @Test
    void twoLiveInstancesShareTheInboxAndHandleEachUpdateOnce() {
        String token = "1003:inbox-pair";
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        List<Long> chats = chats(830_000_000L, 30);
        try (ConfigurableApplicationContext one = start(database, token, Map.of("hoibot.chat.worker-threads", "3"));
                ConfigurableApplicationContext two = start(database, token, Map.of("hoibot.chat.worker-threads", "3"))) {
            deliverThreeEach(token, chats);
            assertEachOnceInOrder(token, chats);
            int byOne = one.getBean(vn.hoibot.chat.InboxWorkers.class).handledCount();
            int byTwo = two.getBean(vn.hoibot.chat.InboxWorkers.class).handledCount();
            assertThat(byOne + byTwo).isEqualTo(90);
        }
    }

    @Test
    void loosesNothingWhilePostgresIsUnreachableAndHandlesNothingTwice() throws Exception {
        assumeTrue(TestDatabaseEnvironment.onPostgres(), "needs HOIBOT_TEST_DB=postgres");
        String token = "1004:inbox-outage";
        Map<String, Object> database = new HashMap<>(TestDatabaseEnvironment.freshDatabase());
        try (TcpProxy proxy = new TcpProxy(5432)) {
            database.put("spring.datasource.url", database.get("spring.datasource.url").toString()
                    .replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()));
            Map<String, Object> extra = Map.of("spring.datasource.hikari.connection-timeout", "1000",
                    "spring.datasource.hikari.validation-timeout", "500");
            try (ConfigurableApplicationContext app = start(database, token, extra)) {
                List<Long> before = chats(840_000_000L, 2);
                deliverThreeEach(token, before);
                assertEachOnceInOrder(token, before);

                proxy.cut();
                List<Long> during = chats(841_000_000L, 10);
                deliverThreeEach(token, during);
                await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6))
                        .until(() -> during.stream().allMatch(c -> telegram.sentTo(token, c).isEmpty()));
                proxy.restore();

                assertEachOnceInOrder(token, during);
                await().atMost(Duration.ofSeconds(30)).until(() -> app.getBean(Inbox.class).pending() == 0);
            }
        }
    }
}
