package vn.hoibot.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.hoibot.chat.CommandMenuPublisher;
import vn.hoibot.chat.Inbox;
import vn.hoibot.chat.InboxWorkers;

/**
 * Long polling into the durable inbox: checks the token (a rejected token stops start-up), then polls in the
 * background. Each getUpdates batch is read as raw JSON, not through the library's typed classes, so one
 * malformed update cannot make the whole batch unreadable; each update is stored as it came (NUL characters
 * removed) in one transaction, and only then is the offset moved on, which is what confirms the batch to
 * Telegram. While the database cannot take a batch, the poller waits with growing waits and does not confirm.
 * Reading an update into the library's types happens later, one update at a time ({@link TelegramInboxReader}).
 * An unreachable Telegram is retried with growing waits, never fatal.
 */
class TelegramPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final TelegramClient client;
    private final TelegramChannel channel;
    private final TelegramProperties properties;
    private final Inbox inbox;
    private final CommandMenuPublisher menus;
    private final OkHttpClient http;
    private volatile Thread connector;
    private volatile Thread poller;
    private volatile Call current;
    private volatile boolean running;

    TelegramPolling(TelegramClient client, TelegramChannel channel, TelegramProperties properties, Inbox inbox,
            CommandMenuPublisher menus, OkHttpClient telegramHttp) {
        this.client = client;
        this.channel = channel;
        this.properties = properties;
        this.inbox = inbox;
        this.menus = menus;
        Duration hold = properties.pollTimeout();
        this.http = telegramHttp.newBuilder().readTimeout(hold.plusSeconds(15)).callTimeout(hold.plusSeconds(30)).build();
    }

    @Override
    public void start() {
        running = true;
        if (!connectOnce()) {
            connector = new Thread(this::connectUntilDone, "telegram-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    /** After the inbox workers: the bot takes updates in once something handles them. */
    @Override
    public int getPhase() {
        return InboxWorkers.PHASE + 1;
    }

    private void connectUntilDone() {
        Duration wait = properties.retryDelay();
        while (running) {
            if (!pause(wait)) {
                return;
            }
            try {
                if (connectOnce()) {
                    return;
                }
            } catch (TelegramTokenRejectedException e) {
                log.error("Telegram rejected the bot token (401). Set a valid TELEGRAM_BOT_TOKEN; not polling.");
                return;
            }
            wait = longer(wait);
        }
    }

    /** True when connected and polling; false when Telegram could not be reached (try again later). */
    private synchronized boolean connectOnce() {
        if (!running) {
            return true;
        }
        try {
            User me = client.execute(GetMe.builder().build());
            channel.setUsername(me.getUserName());
            Thread thread = new Thread(this::pollUntilStopped, "telegram-poll");
            thread.setDaemon(true);
            poller = thread;
            thread.start();
            log.info("Polling Telegram as @{}", me.getUserName());
            menus.publish(channel);
            return true;
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 401) {
                throw new TelegramTokenRejectedException();
            }
            log.warn("Telegram is not reachable ({}); retrying in the background", TelegramChannel.classify(e).kind());
            return false;
        } catch (TelegramApiException e) {
            log.warn("Telegram is not reachable ({}); retrying in the background", e.getClass().getSimpleName());
            return false;
        }
    }

    private void pollUntilStopped() {
        long offset = 0;
        Duration wait = properties.retryDelay();
        while (running) {
            Batch batch;
            try {
                batch = fetch(offset);
                wait = properties.retryDelay();
            } catch (PollFailure e) {
                if (!running) {
                    return;
                }
                if (e.tokenRejected) {
                    log.error("Telegram rejected the bot token (401) while polling; not polling any more.");
                    running = false;
                    return;
                }
                Duration delay = e.retryAfter != null ? e.retryAfter : wait;
                log.warn("getUpdates failed ({}); trying again in {} ms", e.getMessage(), delay.toMillis());
                if (!pause(delay)) {
                    return;
                }
                wait = longer(wait);
                continue;
            }
            if (!batch.entries().isEmpty() && !storeUntilStored(batch.entries())) {
                return; // stopping before the batch was stored: it stays unconfirmed, Telegram sends it again
            }
            if (batch.maxId() >= offset) {
                offset = batch.maxId() + 1; // confirms the batch with the next call
            }
        }
    }

    /** Stores the batch, waiting out an absent database; false when stopped first. */
    private boolean storeUntilStored(List<Inbox.Entry> entries) {
        Duration wait = properties.retryDelay();
        while (running) {
            try {
                inbox.store(TelegramChannel.NAME, entries);
                return true;
            } catch (RuntimeException e) {
                log.warn("{} updates could not be stored ({}); not confirmed to Telegram, trying again in {} ms",
                        entries.size(), e.getClass().getSimpleName(), wait.toMillis());
                if (!pause(wait)) {
                    return false;
                }
                wait = longer(wait);
            }
        }
        return false;
    }

    record Batch(List<Inbox.Entry> entries, long maxId) {
    }

    static final class PollFailure extends Exception {

        final boolean tokenRejected;
        final Duration retryAfter;

        PollFailure(String safeMessage, boolean tokenRejected, Duration retryAfter) {
            super(safeMessage, null, false, false);
            this.tokenRejected = tokenRejected;
            this.retryAfter = retryAfter;
        }
    }

    private Batch fetch(long offset) throws PollFailure {
        ObjectNode body = JSON.createObjectNode().put("offset", offset).put("timeout", properties.pollTimeout().toSeconds());
        Request request = new Request.Builder().url(properties.base() + "/bot" + properties.token() + "/getUpdates")
                .post(RequestBody.create(body.toString(), JSON_TYPE)).build();
        Call call = http.newCall(request);
        current = call;
        String text;
        int code;
        try (Response response = call.execute()) {
            code = response.code();
            text = response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            throw new PollFailure(e.getClass().getSimpleName(), false, null);
        } finally {
            current = null;
        }
        return read(code, text);
    }

    /** Reads a getUpdates answer leniently: only the envelope and each update's id must make sense. */
    static Batch read(int code, String text) throws PollFailure {
        JsonNode answer;
        try {
            answer = JSON.readTree(text);
        } catch (IOException e) {
            throw new PollFailure("HTTP " + code + ", not JSON", false, null);
        }
        if (answer == null || !answer.isObject()) {
            throw new PollFailure("HTTP " + code + ", not an API answer", false, null);
        }
        if (!answer.path("ok").asBoolean(false)) {
            int error = answer.path("error_code").asInt(code);
            JsonNode after = answer.path("parameters").path("retry_after");
            throw new PollFailure("HTTP " + code + ", error " + error, error == 401,
                    error == 429 && after.canConvertToInt() ? Duration.ofSeconds(Math.max(1, after.asInt())) : null);
        }
        JsonNode result = answer.path("result");
        if (!result.isArray()) {
            throw new PollFailure("HTTP " + code + ", no list of updates", false, null);
        }
        List<Inbox.Entry> entries = new ArrayList<>();
        long max = -1;
        for (JsonNode update : (ArrayNode) result) {
            Long id = updateId(update);
            if (id == null) {
                log.warn("An update without a readable update_id was skipped");
                continue;
            }
            max = Math.max(max, id);
            JsonNode clean = withoutNul(update);
            entries.add(new Inbox.Entry(Long.toString(id), chatKey(clean), clean.toString()));
        }
        return new Batch(entries, max);
    }

    private static Long updateId(JsonNode update) {
        if (update == null || !update.isObject()) {
            return null;
        }
        JsonNode id = update.get("update_id");
        if (id != null && id.canConvertToLong() && id.isIntegralNumber()) {
            return id.asLong();
        }
        if (id != null && id.isTextual() && id.asText().matches("\\d{1,18}")) {
            return Long.parseLong(id.asText());
        }
        return null;
    }

    /** The chat whose order the update belongs to, read leniently; "-" when it has none. */
    static String chatKey(JsonNode update) {
        Iterator<Map.Entry<String, JsonNode>> fields = update.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode kind = field.getValue();
            if (!kind.isObject()) {
                continue;
            }
            String chat = kind.path("chat").path("id").asText("");
            if (chat.isEmpty()) {
                chat = kind.path("message").path("chat").path("id").asText("");
            }
            if (chat.isEmpty()) {
                chat = kind.path("from").path("id").asText("");
            }
            if (!chat.isEmpty()) {
                return chat.length() > 60 ? chat.substring(0, 60) : chat;
            }
        }
        return "-";
    }

    /** PostgreSQL refuses NUL characters in text; they are removed from every string of the update. */
    static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            String s = node.asText();
            return s.indexOf('\0') < 0 ? node : TextNode.valueOf(Inbox.withoutNul(s));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(Inbox.withoutNul(f.getKey()), withoutNul(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(withoutNul(e)));
            return copy;
        }
        return node;
    }

    private boolean pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay() : doubled;
    }

    @Override
    public void stop() {
        running = false;
        Thread c = connector;
        if (c != null) {
            c.interrupt();
        }
        Call call = current;
        if (call != null) {
            call.cancel();
        }
        Thread p = poller;
        if (p != null) {
            try {
                p.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
