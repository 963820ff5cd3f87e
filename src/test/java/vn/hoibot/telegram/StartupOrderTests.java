package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;

/**
 * An update that arrives while the start-up imports run is stored at once, but handled only after they
 * finished (so nobody is told she is not on a roster that is still loading).
 */
// its own application context: closed when done, so it stops polling the shared stand-in
@DirtiesContext
@Import(StartupOrderTests.SlowImport.class)
class StartupOrderTests extends EndToEndTest {

    static final long USER = 790_000_001L;
    static final AtomicInteger answeredDuringImport = new AtomicInteger(-1);
    static final AtomicLong storedDuringImport = new AtomicLong();

    @TestConfiguration
    static class SlowImport {

        /** Stands for the demo or roster import at start-up: an update comes in while it runs. */
        @Bean
        ApplicationRunner slowImport(JdbcTemplate jdbc, @Value("${hoibot.telegram.token}") String token) {
            return args -> {
                FakeTelegram telegram = FakeTelegram.instance();
                telegram.deliver(token, FakeTelegram.text(USER, "/huy"));
                await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                        "select count(*) from inbox_update where chat_key = ?", Long.class, String.valueOf(USER)) == 1);
                storedDuringImport.set(1);
                await().during(Duration.ofSeconds(1)).until(() -> telegram.sentTo(token, USER).isEmpty());
                answeredDuringImport.set(telegram.sentTo(token, USER).size());
            };
        }
    }

    @Test
    void handlesUpdatesThatCameDuringTheStartUpImportsOnlyAfterThem() {
        assertThat(storedDuringImport.get()).isEqualTo(1);
        assertThat(answeredDuringImport.get()).isZero();
        assertThat(telegram.awaitMessage(token, USER, 1).path("text").asText()).contains("không có việc");
    }
}
