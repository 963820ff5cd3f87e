package vn.hoibot.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import vn.hoibot.EndToEndTest;

/** Replies share the instance's pace with the outbox and are not lost to a 429. */
class ReplyPacingTests extends EndToEndTest {

    @Test
    void triesAReplyAgainAfterTelegramAsksToWait() {
        long user = newUserId();
        telegram.server().stubFor(post(urlPathMatching("(?i)/bot" + token + "/sendmessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", com.github.tomakehurst.wiremock.client.WireMock.equalTo(String.valueOf(user))))
                .inScenario("429-" + user).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered")
                .atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                                + "\"parameters\":{\"retry_after\":1}}")));
        Instant asked = Instant.now();
        deliver(vn.hoibot.FakeTelegram.text(user, "/huy"));
        telegram.awaitMessage(token, user, 2); // the refused one, then the one that went through
        assertThat(telegram.sentTo(token, user)).hasSize(2)
                .allSatisfy(b -> assertThat(b.path("text").asText()).contains("không có việc")); // the refused one and the one that went through
        assertThat(Duration.between(asked, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
}
