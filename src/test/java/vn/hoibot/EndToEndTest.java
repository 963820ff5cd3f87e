package vn.hoibot;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Base of end-to-end tests: the whole application, polling the {@link FakeTelegram} over HTTP, on the test
 * database (H2, or PostgreSQL with HOIBOT_TEST_DB=postgres). Tests share one context, so each test uses its own
 * user ids ({@link #newUserId()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
public abstract class EndToEndTest {

    protected static final String TOKEN = "1000:e2e";
    /** A Telegram user configured as admin (hoibot.member.admins). */
    protected static final long ADMIN_USER = 690_000_001L;
    private static final AtomicLong USER_IDS = new AtomicLong(700_000_000L);

    protected final FakeTelegram telegram = FakeTelegram.instance();

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("hoibot.telegram.token", () -> TOKEN);
        registry.add("hoibot.telegram.api-url", () -> FakeTelegram.instance().url());
        registry.add("hoibot.member.admins", () -> String.valueOf(ADMIN_USER));
    }

    protected static long newUserId() {
        return USER_IDS.incrementAndGet();
    }

    protected long deliver(ObjectNode update) {
        return telegram.deliver(TOKEN, update);
    }

    /** Sends a text from a user and waits for the n-th message the bot sends to her. */
    protected JsonNode say(long userId, String text, int expectedMessageNumber) {
        deliver(FakeTelegram.text(userId, text));
        return telegram.awaitMessage(TOKEN, userId, expectedMessageNumber);
    }

    protected int sentCount(long chatId) {
        return telegram.sentTo(TOKEN, chatId).size();
    }
}
