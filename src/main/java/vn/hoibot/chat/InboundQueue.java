package vn.hoibot.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands inbound messages to worker threads so one slow handler does not hold up everyone, while the messages
 * of one chat stay in the order they came: each chat always goes to the same single-threaded lane.
 */
@Component
public class InboundQueue implements DisposableBean {

    private final ChatRouter router;
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();

    public InboundQueue(ChatRouter router, ChatProperties properties) {
        this.router = router;
        for (int i = 0; i < properties.workerThreads(); i++) {
            int lane = i;
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "chat-lane-" + lane);
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    public void submit(Inbound inbound, String updateKey) {
        int lane = Math.floorMod(inbound.sender().chatId().hashCode(), lanes.size());
        pending.incrementAndGet();
        lanes.get(lane).execute(() -> {
            try {
                router.handle(inbound, updateKey);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Inbound messages submitted and not yet handled. */
    public int pending() {
        return pending.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
