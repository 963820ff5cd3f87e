package vn.hoibot.broadcast;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the broadcast module ({@code hoibot.broadcast.*}).
 *
 * @param dispatcherEnabled   whether this instance sends from the outbox at all
 * @param globalRatePerSecond messages per second this instance sends in total (Telegram: about 30 per bot; with
 *                            several instances, give each its share)
 * @param perChatInterval     least time between two messages to one private chat (Telegram: about 1/s)
 * @param perGroupInterval    least time between two messages to one group chat (Telegram: 20/min)
 * @param senders             sends in flight at once (threads calling the channel)
 * @param batchSize           outbox rows claimed per query
 * @param lease               how long a claim holds; must exceed the channel's longest call
 * @param pollInterval        how long the dispatcher waits when nothing is due
 * @param maxAttempts         tries for a transient failure before the row is failed
 * @param backoffBase         first retry delay, doubled per attempt
 * @param backoffMax          longest retry delay
 * @param maxGlobalPause      longest pause of all sending after a 429 (the chat itself waits the full retry_after)
 * @param progressInterval    how often the leader's confirmation message is edited while it sends
 * @param sentMarkAttempts    tries to record a delivered row as SENT (waits doubling from 100 ms to 5 s) before it
 *                            is marked UNCONFIRMED; a delivered row is never sent again
 * @param deliveryRetention   how long after a broadcast finished its report stays readable: then its outbox rows
 *                            (who got it, chat ids, personal texts) and its texts are deleted; the counts stay
 * @param directRetention     the same for messages to one person that went through the outbox (replies Telegram
 *                            did not take at once, notices to approvers and joiners): nobody reports on them, and
 *                            a reply may carry her own data (/toi), so they go sooner
 */
@Validated
@ConfigurationProperties("hoibot.broadcast")
public record BroadcastProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        @DefaultValue("30") @Positive double globalRatePerSecond,
        @DefaultValue("1s") @NotNull Duration perChatInterval,
        @DefaultValue("3s") @NotNull Duration perGroupInterval,
        @DefaultValue("8") @Min(1) @Max(256) int senders,
        @DefaultValue("100") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("5m") @NotNull Duration lease,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("6") @Min(1) int maxAttempts,
        @DefaultValue("5s") @NotNull Duration backoffBase,
        @DefaultValue("30m") @NotNull Duration backoffMax,
        @DefaultValue("60s") @NotNull Duration maxGlobalPause,
        @DefaultValue("5s") @NotNull Duration progressInterval,
        @DefaultValue("12") @Min(1) int sentMarkAttempts,
        @DefaultValue("90d") @NotNull Duration deliveryRetention,
        @DefaultValue("2d") @NotNull Duration directRetention) {
}
