package vn.hoibot.broadcast;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.NewBroadcast.ProgressTarget;
import vn.hoibot.broadcast.NewBroadcast.Recipient;

/** The outbox through the real Telegram adapter over HTTP, against WireMock: the requests are what we assert. */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@TestPropertySource(properties = { "hoibot.broadcast.global-rate-per-second=20", "hoibot.broadcast.poll-interval=20ms",
        "hoibot.broadcast.progress-interval=300ms", "hoibot.broadcast.backoff-base=200ms",
        "hoibot.broadcast.max-global-pause=500ms", "hoibot.broadcast.per-chat-interval=1s",
        "hoibot.broadcast.per-group-interval=3s" }) // Telegram's pace, under test here
class BroadcastOverTelegramTests extends EndToEndTest {

    @Autowired
    Outbox outbox;

    @Autowired
    Broadcasts broadcasts;

    List<Long> chats(int count) {
        return LongStream.range(0, count).map(i -> newUserId()).boxed().toList();
    }

    long enqueue(String text, List<Long> chats) {
        return outbox.enqueue(NewBroadcast.notice(1L, "test", "vi", text,
                chats.stream().map(c -> Recipient.member("telegram", c.toString(), c, "vi")).toList()));
    }

    void awaitFinished(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> broadcasts.report(id).orElseThrow().finished());
    }

    /** Every send request to the chat, as WireMock logged it (with its arrival time). */
    List<LoggedRequest> requestsTo(long chat) {
        return telegram.server().findAll(postRequestedFor(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))));
    }

    /** How many of these chats got at least one send request: one scan of the request journal. */
    long reached(List<Long> chats) {
        java.util.Set<String> ids = chats.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        return telegram.server().findAll(postRequestedFor(urlPathMatching("(?i)/bot.*/sendmessage"))).stream()
                .map(r -> r.getBodyAsString().replaceAll("(?s).*\"chat_id\":\"(-?\\d+)\".*", "$1"))
                .filter(ids::contains).distinct().count();
    }

    void answer(long chat, String scenario, int status, String body) {
        telegram.server().stubFor(post(urlPathMatching("(?i)/bot.*/sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chat)))).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void holdsTheConfiguredRateOverHttp() {
        List<Long> chats = chats(40);
        long id = enqueue("Nhịp gửi qua HTTP", chats);
        awaitFinished(id);

        List<Long> times = chats.stream().map(c -> {
            List<LoggedRequest> requests = requestsTo(c);
            assertThat(requests).hasSize(1);
            return requests.get(0).getLoggedDate().getTime();
        }).sorted().toList();
        // 20/s: 40 requests span at least 39 intervals of 50 ms; no 1-second window holds more than 21
        assertThat(times.get(39) - times.get(0)).isGreaterThanOrEqualTo(39 * 50 - 30);
        for (int i = 0; i + 21 < times.size(); i++) {
            assertThat(times.get(i + 21) - times.get(i)).isGreaterThanOrEqualTo(990);
        }
    }

    @Test
    void waitsTheRetryAfterOfA429BeforeSendingAgain() {
        List<Long> chats = chats(3);
        answer(chats.get(0), "429-" + chats.get(0), 429, """
                {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}""");
        long id = enqueue("Chậm lại", chats);
        awaitFinished(id);

        List<LoggedRequest> requests = requestsTo(chats.get(0));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1990);
        assertThat(broadcasts.report(id).orElseThrow().sent()).isEqualTo(3);
    }

    @Test
    void marksA403Unreachable() {
        List<Long> chats = chats(2);
        answer(chats.get(0), "403-" + chats.get(0), 403, """
                {"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""");
        long id = enqueue("Bị chặn", chats);
        awaitFinished(id);

        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.unreachable()).isEqualTo(1);
        assertThat(report.undelivered()).singleElement().satisfies(u -> {
            assertThat(u.chatId()).isEqualTo(chats.get(0).toString());
            assertThat(u.errorCode()).isEqualTo("BLOCKED");
        });
        assertThat(requestsTo(chats.get(0))).hasSize(1);
        assertThat(requestsTo(chats.get(1))).hasSize(1);
    }

    @Test
    void retriesA5xx() {
        List<Long> chats = chats(1);
        answer(chats.get(0), "500-" + chats.get(0), 500, """
                {"ok":false,"error_code":500,"description":"Internal Server Error"}""");
        long id = enqueue("Thử lại", chats);
        awaitFinished(id);

        assertThat(requestsTo(chats.get(0))).hasSize(2);
        assertThat(broadcasts.report(id).orElseThrow().sent()).isEqualTo(1);
    }

    @Test
    void stopsSendingWhenCancelled() {
        List<Long> chats = chats(80);
        long id = enqueue("Hủy", chats);
        await().pollInterval(Duration.ofMillis(20)).until(() -> reached(chats) >= 5);
        broadcasts.cancel(id, 1L);
        awaitFinished(id);
        long sentAtEnd = reached(chats);
        await().during(Duration.ofMillis(500)).until(() -> reached(chats) == sentAtEnd);

        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.sent()).isEqualTo((int) sentAtEnd);
        assertThat(report.cancelled()).isEqualTo(80 - (int) sentAtEnd).isGreaterThan(50);
        assertThat(chats).allMatch(c -> requestsTo(c).size() <= 1);
    }

    @Test
    void editsProgressAndRecordsTheReadButton() {
        long leader = newUserId();
        long member = newUserId();
        long id = outbox.enqueue(new NewBroadcast(BroadcastKind.NOTICE, 1L, "test", null, false,
                Map.of("vi", new Content("Họp chi hội 19h thứ Sáu", List.of(List.of(ButtonSpec.acknowledge("Đã đọc"))))),
                null, List.of(Recipient.member("telegram", Long.toString(member), member, "vi")), null,
                new ProgressTarget("telegram", Long.toString(leader), "77", "vi")));
        awaitFinished(id);

        JsonNode notice = telegram.awaitMessage(token, member, 1);
        assertThat(notice.path("text").asText()).isEqualTo("Họp chi hội 19h thứ Sáu");
        String data = FakeTelegram.buttonData(notice, "Đã đọc");
        await().until(() -> telegram.requests(token, "editmessagetext").stream()
                .anyMatch(e -> e.path("chat_id").asText().equals(Long.toString(leader))
                        && e.path("text").asText().startsWith("Đã gửi xong thông báo #" + id + ": 1 người đã nhận")));

        deliver(FakeTelegram.button(member, data, notice.path("message_id").asLong(1)));
        await().until(() -> broadcasts.report(id).orElseThrow().acknowledged() == 1);
        await().until(() -> telegram.requests(token, "answercallbackquery").stream()
                .anyMatch(a -> a.path("text").asText().equals("Cảm ơn chị đã xác nhận.")));
    }
}
