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
 */
@Validated
@ConfigurationProperties("hoibot.telegram")
public record TelegramProperties(@DefaultValue("") String token,
        @DefaultValue("https://api.telegram.org") @NotNull URI apiUrl, @DefaultValue("2s") Duration retryDelay,
        @DefaultValue("60s") Duration maxRetryDelay, @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("50s") Duration pollTimeout) {

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
