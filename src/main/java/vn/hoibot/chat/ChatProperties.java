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
 * @param sessionTtl          how long an untouched dialog is kept before it is forgotten
 * @param buttonTtl           how long an inline button stays valid
 * @param workerThreads       threads that handle inbound messages (one chat's messages stay in order)
 * @param inboxWorkersEnabled whether this instance handles the inbox (an intake-only instance would not)
 * @param inboxPollInterval   how often the inbox is looked at when nothing woke the workers
 * @param inboxLease          how long a claimed update is this instance's; after that another instance takes it
 * @param inboxRetryDelay     first wait before an update whose handling met an absent database is tried again
 * @param inboxMaxRetryDelay  longest such wait
 * @param inboxMaxAttempts    tries before such an update is given up (recorded, logged)
 * @param inboxRetention      how long handled updates are kept (at least Telegram's 24 h, to recognise re-deliveries)
 * @param inboxStopWait       how long a stop waits for updates being handled
 */
@Validated
@ConfigurationProperties("hoibot.chat")
public record ChatProperties(@DefaultValue("7d") @NotNull Duration sessionTtl,
        @DefaultValue("30d") @NotNull Duration buttonTtl, @DefaultValue("8") @Min(1) int workerThreads,
        @DefaultValue("true") boolean inboxWorkersEnabled, @DefaultValue("200ms") @NotNull Duration inboxPollInterval,
        @DefaultValue("2m") @NotNull Duration inboxLease, @DefaultValue("1s") @NotNull Duration inboxRetryDelay,
        @DefaultValue("30s") @NotNull Duration inboxMaxRetryDelay, @DefaultValue("100") @Min(1) int inboxMaxAttempts,
        @DefaultValue("48h") @NotNull Duration inboxRetention, @DefaultValue("10s") @NotNull Duration inboxStopWait) {
}
