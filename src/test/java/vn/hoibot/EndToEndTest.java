package vn.hoibot;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
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

    /** One bot token per application context, so a context never takes the updates meant for another. */
    private static final AtomicLong CONTEXTS = new AtomicLong(5000);
    /** A Telegram user configured as admin (hoibot.member.admins). */
    protected static final long ADMIN_USER = 690_000_001L;
    private static final AtomicLong USER_IDS = new AtomicLong(700_000_000L);

    protected final FakeTelegram telegram = FakeTelegram.instance();

    /** This context's bot token: updates for this context go to it, and what it sends is recorded under it. */
    @Value("${hoibot.telegram.token}")
    protected String token;

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        String token = CONTEXTS.incrementAndGet() + ":e2e"; // the method runs once for each context built
        registry.add("hoibot.telegram.token", () -> token);
        registry.add("hoibot.telegram.api-url", () -> FakeTelegram.instance().url());
        registry.add("hoibot.member.admins", () -> String.valueOf(ADMIN_USER));
    }

    protected static long newUserId() {
        return USER_IDS.incrementAndGet();
    }

    protected long deliver(ObjectNode update) {
        return telegram.deliver(token, update);
    }

    /** Sends a text from a user and waits for the n-th message the bot sends to her. */
    protected JsonNode say(long userId, String text, int expectedMessageNumber) {
        deliver(FakeTelegram.text(userId, text));
        return telegram.awaitMessage(token, userId, expectedMessageNumber);
    }

    /** A user sends a document (served by the fake's file endpoint), with a caption or none. */
    protected void sendDocument(long user, String fileId, String fileName, String caption, byte[] content) {
        telegram.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/file/bot" + token + "/documents/"
                        + fileId)).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withBody(content)));
        ObjectNode update = FakeTelegram.text(user, "x");
        ObjectNode message = (ObjectNode) update.get("message");
        message.remove("text");
        message.set("document", FakeTelegram.node().put("file_id", fileId).put("file_unique_id", fileId)
                .put("file_name", fileName).put("file_size", content.length));
        if (caption != null) {
            message.put("caption", caption);
        }
        deliver(update);
    }

    protected int sentCount(long chatId) {
        return telegram.sentTo(token, chatId).size();
    }
}
