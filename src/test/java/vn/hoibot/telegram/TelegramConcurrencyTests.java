package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;


import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import com.sun.net.httpserver.HttpServer;

import okhttp3.Interceptor;

/**
 * The HTTP client is sized for the pace: against a stand-in that takes 300 ms to answer (Telegram is far away),
 * the calls the senders make at once are all in flight together, not five at a time (OkHttp's default per host).
 */
class TelegramConcurrencyTests {

    private static final int DELAY_MILLIS = 300;

    @Test
    void keepsAsManyCallsInFlightAsThePaceNeedsAtAFarAwayApi() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            byte[] body = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1767225600,\"chat\":{\"id\":1,\"type\":\"private\"}}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        ExecutorService senders = Executors.newFixedThreadPool(30);
        try {
            URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            TelegramProperties properties = new TelegramProperties("1:t", api, Duration.ofSeconds(2),
                    Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(50), Duration.ofMillis(300), 0);
            Interceptor none = chain -> chain.proceed(chain.request());
            var client = new OkHttpTelegramClient(TelegramConfiguration.http(properties, none, 30), "1:t",
                    new TelegramUrl("http", "127.0.0.1", api.getPort(), false));
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(senders.submit(() -> client.execute(SendMessage.builder().chatId(1L).text("x").build())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            // 30/s at 300 ms: 9 in flight on average; the client allows 26, OkHttp's default allowed 5
            assertThat(properties.concurrentCalls(30)).isEqualTo(26);
            assertThat(most.get()).isGreaterThanOrEqualTo(20);
        } finally {
            senders.shutdownNow();
            server.stop(0);
        }
    }

    @Test
    void sizesTheClientFromTheRateAndTheRoundTrip() {
        TelegramProperties properties = new TelegramProperties("1:t", URI.create("http://x"), Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(50), Duration.ofMillis(300), 0);
        assertThat(properties.concurrentCalls(30)).isEqualTo(26);
        assertThat(properties.concurrentCalls(1000)).isEqualTo(608);
        assertThat(properties.concurrentCalls(1)).isEqualTo(16);
        assertThat(new TelegramProperties("1:t", URI.create("http://x"), Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(50), Duration.ofMillis(300), 7).concurrentCalls(30)).isEqualTo(7);
    }

}
