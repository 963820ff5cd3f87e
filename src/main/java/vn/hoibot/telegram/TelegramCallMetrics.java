package vn.hoibot.telegram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Every Bot API call, counted and timed on the way out: {@code hoibot.telegram.calls} by method and result (the
 * HTTP status, or {@code io_error} / {@code timeout} when no answer came), {@code hoibot.telegram.call} (time per
 * method), and {@code hoibot.telegram.retry_after}, the waits Telegram asked for with 429. Only the method name
 * is taken from the address, never the token. It also remembers whether the last call got an answer at all, which
 * the health endpoint reports.
 */
class TelegramCallMetrics implements Interceptor {

    private static final Pattern METHOD = Pattern.compile("/bot[^/]+/([A-Za-z]+)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeterRegistry registry;
    private final Clock clock;
    private final DistributionSummary retryAfter;
    private final Map<String, Counter> calls = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile Instant lastAnswer;
    private volatile Instant lastFailure;

    TelegramCallMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.retryAfter = DistributionSummary.builder("hoibot.telegram.retry_after").baseUnit("seconds")
                .description("Waits Telegram asked for with 429 Too Many Requests").register(registry);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = method(chain.request().url().encodedPath());
        Timer.Sample sample = Timer.start(registry);
        try {
            Response response = chain.proceed(chain.request());
            lastAnswer = clock.instant();
            count(method, String.valueOf(response.code()));
            if (response.code() == 429) {
                retryAfter.record(retryAfter(response));
            }
            return response;
        } catch (IOException e) {
            lastFailure = clock.instant();
            count(method, e instanceof InterruptedIOException ? "timeout" : "io_error");
            throw e;
        } finally {
            sample.stop(timers.computeIfAbsent(method, m -> Timer.builder("hoibot.telegram.call").tag("method", m)
                    .description("Time of one Bot API call").register(registry)));
        }
    }

    /** Whether Telegram answered the latest call (any HTTP answer counts), and when it last did. */
    Reach reach() {
        Instant answer = lastAnswer;
        Instant failure = lastFailure;
        boolean reachable = failure == null || (answer != null && answer.isAfter(failure));
        return new Reach(reachable, answer);
    }

    record Reach(boolean reachable, Instant lastAnswer) {
    }

    private void count(String method, String result) {
        calls.computeIfAbsent(method + " " + result, k -> Counter.builder("hoibot.telegram.calls").tag("method", method)
                .tag("result", result).description("Bot API calls by method and result").register(registry)).increment();
    }

    static String method(String path) {
        Matcher m = METHOD.matcher(path);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "other";
    }

    private static double retryAfter(Response response) {
        try {
            JsonNode body = JSON.readTree(response.peekBody(4096).string());
            return body.path("parameters").path("retry_after").asDouble(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
