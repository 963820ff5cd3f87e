package vn.hoibot.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the chat core ({@code hoibot.chat.*}).
 *
 * @param sessionTtl    how long an untouched dialog is kept before it is forgotten
 * @param buttonTtl     how long an inline button stays valid
 * @param workerThreads threads that handle inbound messages (one person's messages stay in order)
 */
@Validated
@ConfigurationProperties("hoibot.chat")
public record ChatProperties(@DefaultValue("7d") @NotNull Duration sessionTtl,
        @DefaultValue("30d") @NotNull Duration buttonTtl, @DefaultValue("8") @Min(1) int workerThreads) {
}
