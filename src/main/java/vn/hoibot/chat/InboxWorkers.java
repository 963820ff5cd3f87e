package vn.hoibot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Handles what the {@link Inbox} holds: the oldest pending update of each chat, chats in parallel on a bounded
 * pool, one chat's updates strictly in order (also across instances: only a chat's oldest pending row can be
 * claimed). Rows left over by an earlier run come first, being the oldest. The router marks an update DONE in
 * the transaction of its effects; an update that cannot be read is logged by its id and skipped; when the
 * database is away the update stays pending and is tried again with growing waits.
 */
@Component
public class InboxWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

    /** Started after the start-up imports (which run in the default phase) and before the channels' intake. */
    public static final int PHASE = Integer.MAX_VALUE - 2000;

    private final InboxStore store;
    private final InboxSignal signal;
    private final ChatRouter router;
    private final Map<String, InboxReader> readers;
    private final ChatProperties properties;
    private final Clock clock;
    private final InboxMetrics metrics;
    private final String instance = "i-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> busyChats = ConcurrentHashMap.newKeySet();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handled = new AtomicInteger();

    private volatile boolean running;
    private volatile boolean ready;
    private Thread loop;
    private ExecutorService pool;
    private Semaphore slots;

    InboxWorkers(InboxStore store, InboxSignal signal, ChatRouter router, List<InboxReader> readers,
            ChatProperties properties, Clock clock, InboxMetrics metrics) {
        this.store = store;
        this.signal = signal;
        this.router = router;
        this.readers = readers.stream().collect(Collectors.toMap(InboxReader::channel, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.inboxWorkersEnabled()) {
            return;
        }
        running = true;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.workerThreads(), r -> daemon(r, "chat-worker-" + n.incrementAndGet()));
        slots = new Semaphore(properties.workerThreads());
        loop = daemon(this::run, "chat-inbox");
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        signal.now();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(10));
            pool.shutdown();
            if (!pool.awaitTermination(properties.inboxStopWait().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Updates still being handled at stop; they stay in the inbox and are taken over later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int released = store.release(instance, Set.copyOf(inFlight));
            if (released > 0) {
                log.info("Inbox workers {} stopped, {} updates left for the next start", instance, released);
            }
        } catch (RuntimeException e) {
            log.warn("Inbox claims of {} not released ({}); their lease will expire", instance, e.getClass().getName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Start-up imports (application runners) have finished: updates may be handled now. Until then they are
     * stored and wait, so nobody is told she is not on a roster that is still loading.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        ready = true;
        signal.now();
    }

    /** Updates this instance handled (read and routed, or skipped on purpose). */
    public int handledCount() {
        return handled.get();
    }

    private void run() {
        long wait = properties.inboxPollInterval().toMillis();
        while (running) {
            try {
                if (!ready) {
                    signal.await(wait);
                    continue;
                }
                int taken = takeRound();
                wait = properties.inboxPollInterval().toMillis();
                if (taken == 0) {
                    signal.await(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Inbox round failed ({}); trying again in {} ms", e.getClass().getName(), wait);
                try {
                    signal.await(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                wait = Math.min(wait * 2, properties.inboxMaxRetryDelay().toMillis());
            }
        }
    }

    private int takeRound() throws InterruptedException {
        int free = slots.availablePermits();
        if (free == 0) {
            signal.await(properties.inboxPollInterval().toMillis());
            return 0;
        }
        Instant now = clock.instant();
        int taken = 0;
        for (InboxStore.Row row : store.heads(free * 2, now)) {
            String chat = row.channel() + ":" + row.chatKey();
            if (!running || busyChats.contains(chat) || !slots.tryAcquire()) {
                continue;
            }
            if (!store.claim(row, instance, now, now.plus(properties.inboxLease()))) {
                slots.release();
                continue;
            }
            busyChats.add(chat);
            inFlight.add(row.id());
            taken++;
            pool.execute(() -> {
                try {
                    process(row);
                } catch (RuntimeException e) {
                    log.warn("Inbox update {} on {}: {}; left for a later try", row.updateKey(), row.channel(),
                            e.getClass().getName());
                } finally {
                    inFlight.remove(row.id());
                    busyChats.remove(chat);
                    slots.release();
                    signal.now(); // the chat's next update may go now
                }
            });
        }
        return taken;
    }

    private void process(InboxStore.Row row) {
        var started = metrics.start();
        metrics.handled(handle(row), started);
    }

    private String handle(InboxStore.Row row) {
        InboxReader reader = readers.get(row.channel());
        if (reader == null) {
            store.finish(row.id(), "UNREADABLE", "NO_READER", clock.instant());
            return "unreadable";
        }
        Optional<Inbound> inbound;
        try {
            inbound = reader.read(row.payload());
        } catch (InboxReader.Unreadable | RuntimeException e) {
            String why = e instanceof InboxReader.Unreadable ? e.getMessage() : e.getClass().getSimpleName();
            log.warn("Update {} on {} could not be read ({}); skipped", row.updateKey(), row.channel(), why);
            store.finish(row.id(), "UNREADABLE", truncate(why), clock.instant());
            handled.incrementAndGet();
            return "unreadable";
        }
        if (inbound.isEmpty()) {
            store.finish(row.id(), "IGNORED", null, clock.instant());
            handled.incrementAndGet();
            return "ignored";
        }
        ChatRouter.Outcome outcome = router.handle(inbound.get(), row.updateKey());
        if (outcome == ChatRouter.Outcome.RETRY) {
            if (row.attempts() + 1 >= properties.inboxMaxAttempts()) {
                log.warn("Update {} on {} failed {} times; given up", row.updateKey(), row.channel(), row.attempts() + 1);
                store.finish(row.id(), "DONE", "GAVE_UP", clock.instant());
                return "given_up";
            }
            store.retryLater(row.id(), instance, clock.instant().plus(backoff(row.attempts() + 1)), "UNAVAILABLE");
            return "retry";
        }
        handled.incrementAndGet();
        return "done";
    }

    Duration backoff(int attempt) {
        Duration delay = properties.inboxRetryDelay().multipliedBy(1L << Math.min(attempt - 1, 16));
        return delay.compareTo(properties.inboxMaxRetryDelay()) > 0 ? properties.inboxMaxRetryDelay() : delay;
    }

    /** Handled updates are kept for a while, so a re-delivery is recognised; then they go. */
    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void forgetOld() {
        int gone = store.forgetDone(clock.instant().minus(properties.inboxRetention()));
        if (gone > 0) {
            log.info("Inbox: {} handled updates older than {} removed", gone, properties.inboxRetention());
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 60 ? s : s.substring(0, 60);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
