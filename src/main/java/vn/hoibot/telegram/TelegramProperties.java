package vn.hoibot.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Telegram settings ({@code hoibot.telegram.*}); the token comes from TELEGRAM_BOT_TOKEN, the API base URL from
 * TELEGRAM_API_URL.
 *
 * @param token          the bot token from BotFather; empty runs the service without Telegram
 * @param apiUrl         Bot API base URL: the public server, a self-hosted one, or a test stand-in
 * @param retryDelay     first wait before trying an unreachable Telegram again (doubles up to maxRetryDelay)
 * @param maxRetryDelay  longest wait between tries
 * @param requestTimeout HTTP timeout for API calls other than getUpdates
 * @param pollTimeout    how long one getUpdates call waits for updates (long polling)
 * @param roundTrip      the round trip to the Bot API that the HTTP client is sized for (Telegram is far away)
 * @param maxCalls       Bot API calls in flight at once; 0 sizes it from the send rate and {@code roundTrip}
 */
@Validated
@ConfigurationProperties("hoibot.telegram")
public record TelegramProperties(@DefaultValue("") String token,
        @DefaultValue("https://api.telegram.org") @NotNull URI apiUrl, @DefaultValue("2s") Duration retryDelay,
        @DefaultValue("60s") Duration maxRetryDelay, @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("50s") Duration pollTimeout, @DefaultValue("300ms") Duration roundTrip,
        @DefaultValue("0") int maxCalls) {

    /**
     * Calls in flight the client allows: the send rate times the round trip, doubled for headroom, plus room for
     * replies' other calls (button answers, edits, file downloads). OkHttp's default is 5 per host: at a 210 ms
     * round trip that held every sender, replies and broadcasts together, to 23.5 messages a second.
     */
    public int concurrentCalls(double ratePerSecond) {
        if (maxCalls > 0) {
            return maxCalls;
        }
        return Math.max(16, (int) Math.ceil(ratePerSecond * roundTrip.toMillis() / 1000.0 * 2) + 8);
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Where files are fetched from: {@code <base>/file/bot<token>/<path>}. */
    public String fileUrl(String filePath) {
        return base() + "/file/bot" + token + "/" + filePath;
    }

    String base() {
        String url = apiUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
