package vn.hoibot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What operations see over HTTP: liveness and readiness probes, the health of each part (Telegram's reach
 * reported without making the service unhealthy), and the Prometheus metrics of updates, their handling time,
 * the inbox, the outbox and the Bot API calls.
 */
// its own application context (a web server): closed when done
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsEndpointsTests extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void probesSayAliveAndReadyWithTheDatabaseAndTheScheduler() throws Exception {
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = JSON.readTree(readiness.body());
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").has("db")).isTrue();
        assertThat(ready.path("components").path("quartz").path("status").asText()).isEqualTo("UP");
        assertThat(ready.path("components").has("telegram")).isFalse();
    }

    @Test
    void healthReportsWhetherTelegramAnswers() throws Exception {
        say(newUserId(), "/help", 1); // a call that got an answer
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("telegram").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void metricsCountUpdatesTheirHandlingAndTheBotApiCallsWithoutTheToken() throws Exception {
        long user = newUserId();
        say(user, "/help", 1);
        say(user, "/khongcolenhnay", 2);

        String metrics = get("/actuator/prometheus").body();
        assertThat(metrics).contains("hoibot_updates_total{outcome=\"done\"}");
        assertThat(metrics).contains("hoibot_update_handling_seconds_bucket");
        assertThat(metrics).contains("hoibot_inbox_pending");
        assertThat(metrics).containsPattern("hoibot_reply_wait_seconds_count [1-9]");
        assertThat(metrics).contains("hoibot_reply_wait_seconds_bucket");
        assertThat(metrics).contains("hoibot_inbox_lag_seconds");
        assertThat(metrics).contains("hoibot_outbox_depth{status=\"pending\"}");
        assertThat(metrics).containsPattern("hoibot_telegram_calls_total\\{method=\"sendmessage\",result=\"200\"} [1-9]");
        assertThat(metrics).contains("hoibot_telegram_call_seconds_count{method=\"getupdates\"}");
        assertThat(metrics).doesNotContain(token);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
