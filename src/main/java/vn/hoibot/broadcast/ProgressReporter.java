package vn.hoibot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.NewBroadcast.ProgressTarget;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.Channels;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;
import vn.hoibot.text.Texts;
import vn.hoibot.time.DateDisplay;

/**
 * Edits the leader's confirmation message while a broadcast sends ("Đã gửi 1.240/3.400 · 12 lỗi · còn khoảng 2
 * phút"), closes broadcasts with nothing left to send, and writes the final summary. With several instances,
 * a conditional update picks the one that edits.
 */
@Component
class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final BroadcastStore store;
    private final Channels channels;
    private final RateLimiter limiter;
    private final MessageSource messages;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final DateDisplay dates;

    ProgressReporter(BroadcastStore store, Channels channels, RateLimiter limiter, MessageSource messages,
            BroadcastProperties properties, Clock clock, DateDisplay dates) {
        this.dates = dates;
        this.store = store;
        this.channels = channels;
        this.limiter = limiter;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round over the broadcasts being sent and those cancelled but not yet summed up. */
    void report() {
        for (long id : store.inStatus(BroadcastStatus.SENDING)) {
            reportOne(id, false);
        }
        for (long id : store.cancelledUnfinished()) {
            reportOne(id, true);
        }
    }

    private void reportOne(long id, boolean cancelled) {
        BroadcastStore.Header header = store.find(id).orElseThrow();
        Map<DeliveryStatus, Integer> counts = store.counts(id);
        int open = counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.SENDING);
        Instant now = clock.instant();
        if (open == 0) {
            if (!cancelled && !store.transition(id, BroadcastStatus.SENDING, BroadcastStatus.DONE, now)) {
                return;
            }
            int acknowledged = store.acknowledged(id);
            if (store.close(id, now, counts, acknowledged)) {
                log.info("Broadcast {} {}: {} sent, {} unreachable, {} failed", id, cancelled ? "cancelled" : "done",
                        counts.get(DeliveryStatus.SENT), counts.get(DeliveryStatus.UNREACHABLE),
                        counts.get(DeliveryStatus.FAILED));
                String summary = summary(header, counts, store.unconfirmed(id), acknowledged, cancelled);
                if (header.progress() != null && header.progress().messageId() == null) {
                    announce(id, header.progress(), summary, List.of()); // went out and finished between two rounds
                } else {
                    edit(header.progress(), summary, List.of());
                }
            }
            return;
        }
        if (cancelled || header.progress() == null) {
            return;
        }
        if (header.progress().messageId() == null) {
            // a scheduled notice's time came: a new message tells her it went out, and shows its progress from now on
            announce(id, header.progress(), text(locale(header.progress()), "broadcast.started", id, header.total(),
                    dates.dateTime(header.startedAt() == null ? now : header.startedAt(), locale(header.progress()))),
                    header.progress().buttons());
            return;
        }
        Instant notBefore = now.minus(properties.progressInterval()).plusMillis(100);
        if (store.claimProgressEdit(id, now, notBefore)) {
            edit(header.progress(), progressText(header, counts, store.unconfirmed(id), now),
                    header.progress().buttons());
        }
    }

    /**
     * The progress line, counted as the summary counts: received, unreachable (blocked the bot), failed, and sends
     * whose answer was lost (counted as "maybe received": not sent again, not errors either).
     */
    String progressText(BroadcastStore.Header header, Map<DeliveryStatus, Integer> counts, int unconfirmed,
            Instant now) {
        Locale locale = locale(header.progress());
        int sent = counts.get(DeliveryStatus.SENT);
        int done = sent + counts.get(DeliveryStatus.FAILED) + counts.get(DeliveryStatus.UNREACHABLE);
        int left = counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.SENDING);
        return text(locale, "broadcast.progress", sent, header.total(), counts.get(DeliveryStatus.UNREACHABLE),
                counts.get(DeliveryStatus.FAILED) - unconfirmed, unconfirmed,
                eta(locale, header.startedAt(), now, done, left));
    }

    private String eta(Locale locale, Instant startedAt, Instant now, int done, int left) {
        if (startedAt == null || done == 0) {
            return text(locale, "broadcast.eta.unknown");
        }
        double perSecond = done / Math.max(1.0, Duration.between(startedAt, now).toMillis() / 1000.0);
        long seconds = (long) Math.ceil(left / Math.min(perSecond, properties.globalRatePerSecond()));
        return seconds < 60 ? text(locale, "broadcast.eta.under_minute")
                : text(locale, "broadcast.eta.minutes", (seconds + 59) / 60);
    }

    String summary(BroadcastStore.Header header, Map<DeliveryStatus, Integer> counts, int unconfirmed,
            int acknowledged, boolean cancelled) {
        Locale locale = locale(header.progress());
        return text(locale, cancelled ? "broadcast.summary.cancelled" : "broadcast.summary.done", header.id(),
                counts.get(DeliveryStatus.SENT), counts.get(DeliveryStatus.UNREACHABLE),
                counts.get(DeliveryStatus.FAILED) - unconfirmed, acknowledged, counts.get(DeliveryStatus.CANCELLED),
                unconfirmed);
    }

    /** Sends her a new message that becomes the broadcast's progress message; one instance does it, once. */
    private void announce(long id, ProgressTarget target, String text, List<List<Button>> buttons) {
        if (!store.claimProgressMessage(id) || !limiter.acquire(() -> true)) {
            return;
        }
        try {
            SentMessage sent = channels.get(target.channel()).send(Outbound.text(target.chatId(), text)
                    .withButtons(buttons));
            store.setProgressMessage(id, sent.messageId());
        } catch (ChannelException e) {
            log.info("Progress message failed: {}", e.kind());
        } catch (RuntimeException e) {
            log.info("Progress message failed: {}", e.getClass().getName());
        }
    }

    private void edit(ProgressTarget target, String text, List<List<Button>> buttons) {
        if (target == null || target.messageId() == null || target.messageId().isEmpty()) {
            return;
        }
        if (!limiter.acquire(() -> true)) {
            return;
        }
        try {
            channels.get(target.channel()).edit(target.chatId(), target.messageId(),
                    Outbound.text(target.chatId(), text).withButtons(buttons));
        } catch (ChannelException e) {
            log.info("Progress edit failed: {}", e.kind());
        } catch (RuntimeException e) {
            log.info("Progress edit failed: {}", e.getClass().getName());
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return Texts.nfc(messages.getMessage(key, args, locale));
    }

    private static Locale locale(ProgressTarget target) {
        return target != null && "en".equals(target.locale()) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }
}
