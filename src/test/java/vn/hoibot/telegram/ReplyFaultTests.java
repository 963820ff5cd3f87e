package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.FakeTelegram.Fault;

/**
 * Replies through the faults a real Bot API connection meets, on the stand-in over HTTP: 429 storms with
 * retry_after, 5xx, an HTML 502 page from a proxy, answers that come after the timeout, connections dropped after
 * the send was applied, and an outage of the whole API for a few seconds. Counted per chat from what the
 * stand-in applied: every reply delivered, none twice. (A send whose answer never came may have been applied:
 * it is not repeated; the stand-in applies those, as Telegram mostly has.)
 */
// its own application context (own token, short timeouts): closed when done
@DirtiesContext
@TestPropertySource(properties = { "hoibot.telegram.request-timeout=1s", "hoibot.telegram.retry-delay=200ms",
        "hoibot.telegram.max-retry-delay=1s", "hoibot.broadcast.poll-interval=50ms",
        "hoibot.broadcast.backoff-base=300ms", "hoibot.broadcast.max-global-pause=300ms" })
class ReplyFaultTests extends EndToEndTest {

    private static final String NOTHING_TO_CANCEL = "không có việc";

    @Test
    void deliversEveryReplyExactlyOnceThroughStormsErrorsTimeoutsAndDroppedConnections() {
        Map<Long, Fault[]> scripts = new LinkedHashMap<>();
        Fault[][] kinds = {
                {},
                { Fault.RATE_LIMITED },
                { Fault.RATE_LIMITED, Fault.RATE_LIMITED, Fault.RATE_LIMITED },
                { Fault.SERVER_ERROR },
                { Fault.HTML_502 },
                { Fault.HTML_502, Fault.SERVER_ERROR, Fault.RATE_LIMITED },
                { Fault.SLOW },
                { Fault.DROP },
        };
        for (int round = 0; round < 4; round++) {
            for (Fault[] kind : kinds) {
                long user = newUserId();
                telegram.faults(user, kind);
                scripts.put(user, kind);
            }
        }
        scripts.keySet().forEach(user -> deliver(FakeTelegram.text(user, "/huy")));

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> scripts.keySet().stream().allMatch(u -> telegram.delivered(token, u) >= 1));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> scripts.keySet().stream().allMatch(u -> telegram.delivered(token, u) == 1));
        scripts.forEach((user, faults) -> {
            List<String> texts = telegram.sentTo(token, user).stream().map(b -> b.path("text").asText()).toList();
            long refused = java.util.Arrays.stream(faults).filter(f -> f != Fault.SLOW && f != Fault.DROP).count();
            assertThat(texts).as("sends to a chat that met %s", List.of(faults)).hasSize((int) refused + 1)
                    .allSatisfy(t -> assertThat(t).contains(NOTHING_TO_CANCEL));
        });
    }

    @Test
    void answersEveryoneOnceAfterAnOutageOfTheWholeApi() {
        telegram.outage(token, Fault.HTML_502);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long user = newUserId();
            users.add(user);
            deliver(FakeTelegram.text(user, "/huy"));
        }
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // the outage lasts a few seconds
        assertThat(users).allSatisfy(u -> assertThat(telegram.delivered(token, u)).isZero());
        telegram.endOutage(token);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.stream().allMatch(u -> telegram.delivered(token, u) >= 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> users.stream().allMatch(u -> telegram.delivered(token, u) == 1));
    }

    @Test
    void answersEveryoneOnceWhenRepliesMeetAnOutageAfterTheirUpdatesCameIn() {
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long user = newUserId();
            users.add(user);
            telegram.faults(user, Fault.HTML_502, Fault.HTML_502, Fault.SERVER_ERROR, Fault.HTML_502);
            deliver(FakeTelegram.text(user, "/huy"));
        }
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> users.stream().allMatch(u -> telegram.delivered(token, u) >= 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> users.stream().allMatch(u -> telegram.delivered(token, u) == 1));
    }
}
