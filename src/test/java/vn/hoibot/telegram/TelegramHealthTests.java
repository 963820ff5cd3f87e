package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import vn.hoibot.FakeTelegram;

/** The health of the Telegram part follows the answers the Bot API calls get, and the counters say the same. */
class TelegramHealthTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TelegramCallMetrics metrics = new TelegramCallMetrics(registry, Clock.systemUTC());
    private final OkHttpClient http = new OkHttpClient.Builder().addInterceptor(metrics).build();
    private final TelegramHealth health = new TelegramHealth(metrics);

    @Test
    void unreachableWhenTheLastCallGotNoAnswerAndUpAgainWhenOneDoes() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> call("http://127.0.0.1:" + closedPort + "/bot1:secret/getMe")).isInstanceOf(IOException.class);
        assertThat(health.health().getStatus()).isEqualTo(TelegramHealth.UNREACHABLE);
        assertThat(registry.get("hoibot.telegram.calls").tag("method", "getme").tag("result", "io_error").counter().count())
                .isEqualTo(1);

        call(FakeTelegram.instance().url() + "/bot1:secret/getMe");
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(registry.get("hoibot.telegram.calls").tag("method", "getme").tag("result", "200").counter().count())
                .isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain("secret"));
    }

    private void call(String url) throws IOException {
        try (var response = http.newCall(new Request.Builder().url(url).build()).execute()) {
            response.body().string();
        }
    }
}
