package vn.hoibot.broadcast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.Channel;
import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.SentMessage;

/** A channel in memory: records every call with its time, and fails chats as the test scripts it. */
class FakeChannel implements Channel {

    /** One call to {@link #send}: when (System.nanoTime) and whether it was accepted. */
    record Call(String chatId, String text, List<List<Button>> buttons, long nanos, boolean accepted) {
    }

    record Edit(String chatId, String messageId, String text) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Edit> edits = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<ChannelException>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile long latencyNanos;

    @Override
    public String name() {
        return "fake";
    }

    /** The next sends to {@code chatId} fail with these, in order. */
    FakeChannel failNext(String chatId, ChannelException... failures) {
        scripted.computeIfAbsent(chatId, c -> new ArrayDeque<>()).addAll(List.of(failures));
        return this;
    }

    FakeChannel latency(long millis) {
        latencyNanos = TimeUnit.MILLISECONDS.toNanos(millis);
        return this;
    }

    @Override
    public SentMessage send(Outbound message) throws ChannelException {
        if (latencyNanos > 0) {
            LockSupport.parkNanos(latencyNanos);
        }
        ChannelException failure;
        Deque<ChannelException> queue = scripted.get(message.chatId());
        synchronized (this) {
            failure = queue == null ? null : queue.poll();
        }
        calls.add(new Call(message.chatId(), message.text(), message.buttons(), System.nanoTime(), failure == null));
        if (failure != null) {
            throw failure;
        }
        return new SentMessage(message.chatId(), Long.toString(ids.incrementAndGet()));
    }

    @Override
    public void edit(String chatId, String messageId, Outbound message) {
        edits.add(new Edit(chatId, messageId, message.text()));
    }

    @Override
    public void answerButton(String callbackId, String toast) {
    }

    @Override
    public byte[] download(String fileRef) {
        return new byte[0];
    }

    List<Call> accepted(String chatId) {
        return calls.stream().filter(c -> c.accepted() && c.chatId().equals(chatId)).toList();
    }

    List<Call> attempts(String chatId) {
        return calls.stream().filter(c -> c.chatId().equals(chatId)).toList();
    }

    long acceptedWithPrefix(String prefix) {
        return calls.stream().filter(c -> c.accepted() && c.chatId().startsWith(prefix)).count();
    }
}
