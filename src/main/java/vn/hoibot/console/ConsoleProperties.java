package vn.hoibot.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Settings of the console channel ({@code hoibot.console.*}).
 *
 * @param enabled whether the console runs when no Telegram token is set
 * @param logFile where the log goes while the console chat runs (never into the chat)
 */
@Validated
@ConfigurationProperties("hoibot.console")
record ConsoleProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("logs/hoibot-console.log") @NotBlank String logFile) {
}
