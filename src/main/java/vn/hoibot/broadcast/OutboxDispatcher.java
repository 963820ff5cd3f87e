package vn.hoibot.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.Channels;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;

/**
 * The single rate-limited sender: claims due outbox rows in batches and sends them through the channel, at the
 * global rate, one message per chat per second (one per 3 s to a group), honouring every 429 retry_after.
 *
 * <h2>Exactly once</h2>
 * A row moves PENDING → claimed (still PENDING, with {@code claimed_by} and a lease {@code claimed_until}) →
 * SENDING, committed in its own transaction <em>before</em> the channel is called and only if the row is still
 * PENDING and still ours (a cancel or another instance makes that update miss) → SENT with the message id in its
 * own transaction right after the call, or back to PENDING / FAILED / UNREACHABLE.
 * <ul>
 * <li>A claimed row not yet started was never handed to the channel. A clean stop releases such claims; after a
 * crash the lease expires and any instance claims it again. Nothing skipped, nothing sent twice.</li>
 * <li>A clean stop ({@link #stop()}) lets the sends in flight finish and records them.</li>
 * <li>A row found in SENDING with an expired lease belonged to an instance that died during the call: the channel
 * may or may not have delivered it, and Telegram has no idempotency key. Such rows are <em>not</em> sent again:
 * they are failed with code {@code UNCONFIRMED} and counted in the report, so the leader can follow up. This
 * concerns at most {@code senders} rows per hard crash; "nobody twice" wins over "nobody skipped" there.</li>
 * <li>The Telegram client must not re-send a POST by itself ({@code retryOnConnectionFailure(false)}). Transient
 * errors (5xx, timeouts, resets) are retried with exponential backoff, as asked; a timeout can hide a delivered
 * message, which is the one remaining way to a duplicate.</li>
 * </ul>
 * Logs carry outbox and broadcast ids and error kinds, never texts, chat ids, phone numbers or tokens.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxStore store;
    private final Contents contents;
    private final Channels channels;
    private final Reachability reachability;
    private final RateLimiter limiter;
    private final ChatPacer pacer;
    private final ProgressReporter progress;
    private final ButtonTokens tokens;
    private final BroadcastProperties properties;
    private final Clock clock;
    private final String instance = "d-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Semaphore inFlight;
    private ScheduledExecutorService ticker;

    OutboxDispatcher(OutboxStore store, Contents contents, Channels channels, Reachability reachability,
            RateLimiter limiter, ChatPacer pacer, ProgressReporter progress, ButtonTokens tokens,
            BroadcastProperties properties, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.contents = contents;
        this.channels = channels;
        this.reachability = reachability;
        this.limiter = limiter;
        this.pacer = pacer;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.dispatcherEnabled()) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.senders(), r -> daemon(r, "broadcast-send-" + n.incrementAndGet()));
        inFlight = new Semaphore(properties.senders());
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "broadcast-progress"));
        long every = properties.progressInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
        loop = daemon(this::run, "broadcast-dispatcher");
        loop.start();
        log.info("Broadcast dispatcher {} started: {} msg/s, {} senders", instance, properties.globalRatePerSecond(),
                properties.senders());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            loop.join(TimeUnit.SECONDS.toMillis(30));
            senders.shutdown();
            if (!senders.awaitTermination(properties.lease().toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Broadcast sends still in flight at stop; their rows will be reported UNCONFIRMED");
            }
            ticker.shutdown();
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int released = store.releaseClaims(instance);
        log.info("Broadcast dispatcher {} stopped, {} claimed rows released", instance, released);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String instance() {
        return instance;
    }

    long sentCount() {
        return sent.get();
    }

    long rateLimitedCount() {
        return rateLimited.get();
    }

    private void run() {
        while (running) {
            try {
                if (dispatchBatch() == 0) {
                    RateLimiter.waitNanos(properties.pollInterval().toNanos(), this::isRunning);
                }
            } catch (RuntimeException e) {
                log.warn("Broadcast dispatcher round failed: {}", e.getClass().getName());
                log.debug("Broadcast dispatcher round failed", e);
                RateLimiter.waitNanos(properties.pollInterval().toNanos(), this::isRunning);
            }
        }
    }

    private void tick() {
        try {
            int unconfirmed = store.failUnconfirmed(clock.instant());
            if (unconfirmed > 0) {
                log.warn("{} outbox rows were in flight when an instance died: failed as UNCONFIRMED, not re-sent",
                        unconfirmed);
            }
            pacer.prune();
            progress.report();
        } catch (RuntimeException e) {
            log.warn("Broadcast progress round failed: {}", e.getClass().getName());
            log.debug("Broadcast progress round failed", e);
        }
    }

    private int dispatchBatch() {
        Instant now = clock.instant();
        List<OutboxStore.Row> rows = store.claim(instance, properties.batchSize(), now, now.plus(properties.lease()));
        for (OutboxStore.Row row : rows) {
            long wait = pacer.waitFor(row.channel(), row.chatId());
            if (wait > 0) {
                store.defer(row.id(), instance, clock.instant().plusNanos(wait));
                continue;
            }
            if (!takeSlot()) {
                break; // stopping: the rest of the batch is released in stop()
            }
            pacer.sent(row.channel(), row.chatId(), row.group()); // reserves the chat against this batch's rows
            senders.execute(() -> {
                try {
                    sendOne(row);
                } catch (RuntimeException e) {
                    log.warn("Outbox row {} could not be recorded: {}", row.id(), e.getClass().getName());
                } finally {
                    inFlight.release();
                }
            });
        }
        return rows.size();
    }

    private boolean takeSlot() {
        try {
            while (running) {
                if (inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void sendOne(OutboxStore.Row row) {
        // the global slot is taken here, just before the call, so queueing and database time do not bunch sends
        if (!limiter.acquire(this::isRunning)) {
            return; // stopping: the row is still PENDING and claimed; stop() releases it
        }
        if (!store.markSending(row.id(), instance, clock.instant().plus(properties.lease()))) {
            return; // cancelled, skipped or taken meanwhile
        }
        pacer.sent(row.channel(), row.chatId(), row.group()); // the chat's interval counts from the real send
        SentMessage message;
        try {
            String ackKey = null;
            if (contents.wantsAck(row)) {
                ackKey = tokens.issue(row.channel(), row.chatId(), AckButton.ACTION, new AckButton.Row(row.id()));
                store.setAckKey(row.id(), ackKey);
            }
            Outbound outbound = contents.outboundFor(row, ackKey);
            limiter.gate();
            message = channels.get(row.channel()).send(outbound);
        } catch (ChannelException e) {
            onFailure(row, e.kind(), e.retryAfter());
            return;
        } catch (RuntimeException e) {
            log.warn("Outbox row {}: unexpected {}", row.id(), e.getClass().getName());
            onFailure(row, ChannelException.Kind.TRANSIENT, null);
            return;
        }
        sent.incrementAndGet();
        recordSent(row, message); // from here on the row is never sent again, whatever the database does
    }

    /**
     * Delivered: recorded at once, the mark retried with growing waits while the database hiccups (the row stays
     * SENDING meanwhile, which nobody sends). If it still cannot be recorded, the row is marked UNCONFIRMED; if
     * even that fails, its lease runs out in SENDING and {@link OutboxStore#failUnconfirmed} fails it so. Never
     * back to PENDING.
     */
    private void recordSent(OutboxStore.Row row, SentMessage message) {
        long waitMillis = 100;
        for (int attempt = 1; attempt <= properties.sentMarkAttempts(); attempt++) {
            try {
                store.markSent(row.id(), message.messageId(), clock.instant());
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox row {} sent but not yet recorded ({}), retrying", row.id(), e.getClass().getName());
                RateLimiter.waitNanos(TimeUnit.MILLISECONDS.toNanos(waitMillis), () -> true);
                waitMillis = Math.min(waitMillis * 2, 5_000);
            }
        }
        try {
            store.finish(row.id(), DeliveryStatus.FAILED, "UNCONFIRMED");
            log.warn("Outbox row {} was sent but could not be recorded as sent: marked UNCONFIRMED", row.id());
        } catch (RuntimeException e) {
            log.warn("Outbox row {} was sent and is left SENDING; its lease will mark it UNCONFIRMED", row.id());
        }
    }

    private void onFailure(OutboxStore.Row row, ChannelException.Kind kind, Duration retryAfter) {
        Instant now = clock.instant();
        int attempt = row.attempts() + 1;
        switch (kind) {
            case RATE_LIMITED -> {
                Duration wait = retryAfter == null || retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter;
                rateLimited.incrementAndGet();
                store.retryLater(row.id(), now.plus(wait), kind.name(), true);
                store.deferChat(row.channel(), row.chatId(), now.plus(wait));
                pacer.pause(row.channel(), row.chatId(), wait);
                limiter.pause(wait.compareTo(properties.maxGlobalPause()) < 0 ? wait : properties.maxGlobalPause());
                log.info("Outbox row {}: 429, retry after {} s", row.id(), wait.toSeconds());
            }
            case BLOCKED, CHAT_NOT_FOUND -> {
                store.finish(row.id(), DeliveryStatus.UNREACHABLE, kind.name());
                reachability.markUnreachable(row.channel(), row.chatId(), kind.name());
                store.skipChat(row.channel(), row.chatId(), "SKIPPED_UNREACHABLE");
            }
            case TRANSIENT -> {
                if (attempt >= properties.maxAttempts()) {
                    store.finish(row.id(), DeliveryStatus.FAILED, kind.name());
                    log.info("Outbox row {}: failed after {} attempts", row.id(), attempt);
                } else {
                    store.retryLater(row.id(), now.plus(backoff(attempt)), kind.name(), false);
                }
            }
            case PERMANENT -> store.finish(row.id(), DeliveryStatus.FAILED, kind.name());
            case UNCONFIRMED -> {
                store.finish(row.id(), DeliveryStatus.FAILED, "UNCONFIRMED");
                log.info("Outbox row {}: no answer from the channel after sending; UNCONFIRMED, not sent again", row.id());
            }
        }
    }

    Duration backoff(int attempt) {
        Duration delay = properties.backoffBase().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : delay;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
