package vn.hoibot.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Arbitrary;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;

/**
 * The end-to-end half of the fuzzing: thousands of well-formed and mutated updates, shuffled, through long
 * polling over HTTP, the durable inbox, the reading and mapping, the router and the replies, on the Bot API
 * stand-in. The bot never stops, nothing stays pending, and each well-formed update is answered exactly once.
 */
// its own application context (own token, send cap lifted): closed when done
@DirtiesContext
@TestPropertySource(properties = { "hoibot.broadcast.global-rate-per-second=5000" })
class UpdateFuzzTests extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 1,000 updates by default (the suite stays fast); {@code -Dhoibot.fuzz.updates=10000} for a long run. */
    private static final int TOTAL = Integer.getInteger("hoibot.fuzz.updates", 1000);
    private static final int WELL_FORMED = TOTAL * 3 / 10;
    private static final int MUTATED = TOTAL - WELL_FORMED;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersEachWellFormedUpdateOnceAmongThousandsOfMutatedOnesAndKeepsGoing() {
        Random random = new Random(20261202);
        List<Long> good = new ArrayList<>();
        List<Runnable> deliveries = new ArrayList<>();
        Set<Long> updateIds = Collections.synchronizedSet(new HashSet<>());
        String[] oneReply = { "/huy", "/khongcolenhnay", "xin chào", "Chào em" };
        for (int i = 0; i < WELL_FORMED; i++) {
            long user = newUserId();
            good.add(user);
            ObjectNode update = FakeTelegram.text(user, oneReply[random.nextInt(oneReply.length)]);
            deliveries.add(() -> updateIds.add(deliver(update)));
        }
        for (int i = 0; i < MUTATED; i++) {
            Arbitrary<ObjectNode> mutated = UpdateArbitraries.mutated(newUserId(), false);
            ObjectNode update = mutated.sample();
            deliveries.add(() -> updateIds.add(deliver(update)));
        }
        Collections.shuffle(deliveries, random);
        deliveries.forEach(Runnable::run);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> good.stream().allMatch(chat -> repliesByChat().getOrDefault(chat, 0) >= 1));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> pending(updateIds) == 0);
        Map<Long, Integer> replies = repliesByChat();
        assertThat(good).allSatisfy(chat -> assertThat(replies.get(chat)).as("replies to chat %s", chat).isEqualTo(1));
        Map<String, Integer> outcomes = outcomes(updateIds);
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(WELL_FORMED + MUTATED);
        assertThat(outcomes.getOrDefault("DONE", 0)).isGreaterThanOrEqualTo(WELL_FORMED);

        // and the bot still answers a newcomer
        assertThat(say(newUserId(), "/huy", 1).path("text").asText()).contains("không có việc");
    }

    /** Messages this context sent, counted per chat: one scan of the stand-in's journal. */
    private Map<Long, Integer> repliesByChat() {
        Map<Long, Integer> counts = new HashMap<>();
        for (var request : telegram.server().findAll(
                postRequestedFor(urlPathMatching("(?i)/bot" + Pattern.quote(token) + "/sendmessage")))) {
            try {
                long chat = JSON.readTree(request.getBodyAsString()).path("chat_id").asLong();
                counts.merge(chat, 1, Integer::sum);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private int pending(Set<Long> ids) {
        return (int) jdbc.queryForList("select update_key from inbox_update where channel = 'telegram' and status = 'PENDING'",
                String.class).stream().filter(k -> ids.contains(Long.parseLong(k))).count();
    }

    private Map<String, Integer> outcomes(Set<Long> ids) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select update_key, status from inbox_update where channel = 'telegram'", rs -> {
            if (ids.contains(Long.parseLong(rs.getString(1)))) {
                counts.merge(rs.getString(2), 1, Integer::sum);
            }
        });
        return counts;
    }
}
