package vn.hoibot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.broadcast.NewBroadcast.Recipient;

/** Stopping and starting instances mid-broadcast, on one database: every recipient gets exactly one message. */
class OutboxRestartTests {

    /** A token of its own, so these contexts' requests are counted apart from other tests'. */
    static final String TOKEN = "1001:restart";

    static ConfigurableApplicationContext start(Map<String, Object> database, FakeChannel channel) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("hoibot.test.keep-datasource", "true");
        props.put("hoibot.broadcast.global-rate-per-second", "200");
        props.put("hoibot.broadcast.poll-interval", "20ms");
        props.put("hoibot.broadcast.progress-interval", "200ms");
        props.put("hoibot.broadcast.batch-size", "20");
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("fakeChannel", channel)).run(args(props));
    }

    static ConfigurableApplicationContext startOnTelegram(Map<String, Object> database) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("hoibot.test.keep-datasource", "true");
        props.put("hoibot.telegram.token", TOKEN);
        props.put("hoibot.telegram.api-url", FakeTelegram.instance().url());
        props.put("hoibot.broadcast.global-rate-per-second", "100");
        props.put("hoibot.broadcast.poll-interval", "20ms");
        props.put("hoibot.broadcast.batch-size", "20");
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE).run(args(props));
    }

    /** As command-line arguments: they win over application.yml (builder properties would not). */
    static String[] args(Map<String, Object> props) {
        return props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    static List<Recipient> recipients(int count) {
        return IntStream.range(0, count).mapToObj(i -> Recipient.member("fake", "r-" + i, i, "vi")).toList();
    }

    static void assertExactlyOncePerRecipient(FakeChannel channel, int count) {
        Map<String, Long> perChat = channel.calls.stream().filter(FakeChannel.Call::accepted)
                .collect(Collectors.groupingBy(FakeChannel.Call::chatId, Collectors.counting()));
        assertThat(perChat).hasSize(count);
        assertThat(perChat.values()).allMatch(n -> n == 1);
    }

    @Test
    void resumesAfterAStopAndSendsEachRecipientExactlyOnce() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        FakeChannel channel = new FakeChannel().latency(5);
        long id;
        try (ConfigurableApplicationContext first = start(database, channel)) {
            id = first.getBean(Outbox.class).enqueue(NewBroadcast.notice(1L, "t", "vi", "Khởi động lại", recipients(300)));
            await().until(() -> channel.calls.size() >= 60);
        }
        int beforeRestart = channel.calls.size();
        assertThat(beforeRestart).isLessThan(300);

        try (ConfigurableApplicationContext second = start(database, channel)) {
            Broadcasts broadcasts = second.getBean(Broadcasts.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> broadcasts.report(id).orElseThrow().finished());
            BroadcastReport report = broadcasts.report(id).orElseThrow();
            assertThat(report.sent()).isEqualTo(300);
            assertThat(report.unconfirmed()).isZero();
        }
        assertExactlyOncePerRecipient(channel, 300);
    }

    @Test
    void resumesOverTelegramAfterAStopWithOneRequestPerChat() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        FakeTelegram telegram = FakeTelegram.instance();
        List<Long> chats = LongStream.range(0, 150).map(i -> 810_000_000L + i).boxed().toList();
        long id;
        try (ConfigurableApplicationContext first = startOnTelegram(database)) {
            id = first.getBean(Outbox.class).enqueue(NewBroadcast.notice(1L, "t", "vi", "Khởi động lại",
                    chats.stream().map(c -> Recipient.member("telegram", c.toString(), c, "vi")).toList()));
            await().until(() -> telegram.requests(TOKEN, "sendmessage").size() >= 30);
        }
        assertThat(telegram.requests(TOKEN, "sendmessage").size()).isLessThan(150);

        try (ConfigurableApplicationContext second = startOnTelegram(database)) {
            Broadcasts broadcasts = second.getBean(Broadcasts.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> broadcasts.report(id).orElseThrow().finished());
            assertThat(broadcasts.report(id).orElseThrow().sent()).isEqualTo(150);
        }
        Map<String, Long> perChat = telegram.requests(TOKEN, "sendmessage").stream()
                .collect(Collectors.groupingBy(r -> r.path("chat_id").asText(), Collectors.counting()));
        assertThat(perChat).hasSize(150);
        assertThat(perChat.values()).allMatch(n -> n == 1);
    }

    @Test
    void twoDispatchersOnOnePostgresDatabaseSendEachRecipientExactlyOnce() {
        assumeTrue(TestDatabaseEnvironment.onPostgres(), "needs HOIBOT_TEST_DB=postgres");
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        FakeChannel channel = new FakeChannel().latency(5);
        try (ConfigurableApplicationContext one = start(database, channel);
                ConfigurableApplicationContext two = start(database, channel)) {
            long id = one.getBean(Outbox.class).enqueue(NewBroadcast.notice(1L, "t", "vi", "Hai máy", recipients(400)));
            Broadcasts broadcasts = two.getBean(Broadcasts.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> broadcasts.report(id).orElseThrow().finished());

            Map<String, Long> perInstance = List.of(one, two).stream().collect(Collectors.toMap(
                    c -> c.getBean(OutboxDispatcher.class).instance(),
                    c -> c.getBean(OutboxDispatcher.class).sentCount()));
            assertThat(perInstance.values()).allMatch(n -> n > 0); // both did share the work
            assertThat(broadcasts.report(id).orElseThrow().sent()).isEqualTo(400);
        }
        assertExactlyOncePerRecipient(channel, 400);
    }

}
