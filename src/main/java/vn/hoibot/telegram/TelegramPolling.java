package vn.hoibot.telegram;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import vn.hoibot.chat.CommandMenuPublisher;
import vn.hoibot.chat.InboundQueue;

/**
 * Long polling: checks the token (a rejected token stops start-up), then polls in the background. An
 * unreachable Telegram is retried with growing waits, never fatal. Each update goes to the chat core's queue;
 * one bad update never stops the loop.
 */
class TelegramPolling implements SmartLifecycle, LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

    private final TelegramClient client;
    private final TelegramChannel channel;
    private final TelegramProperties properties;
    private final TelegramUrl url;
    private final InboundQueue queue;
    private final CommandMenuPublisher menus;
    private volatile TelegramBotsLongPollingApplication polling;
    private volatile Thread connector;
    private volatile boolean running;

    TelegramPolling(TelegramClient client, TelegramChannel channel, TelegramProperties properties, TelegramUrl url,
            InboundQueue queue, CommandMenuPublisher menus) {
        this.client = client;
        this.channel = channel;
        this.properties = properties;
        this.url = url;
        this.queue = queue;
        this.menus = menus;
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

    private void connectUntilDone() {
        Duration wait = properties.retryDelay();
        while (running) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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
            wait = wait.multipliedBy(2).compareTo(properties.maxRetryDelay()) > 0 ? properties.maxRetryDelay()
                    : wait.multipliedBy(2);
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
            TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
            app.registerBot(properties.token(), () -> url, new DefaultGetUpdatesGenerator(), this);
            polling = app;
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

    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            try {
                UpdateMapper.map(update).ifPresent(inbound -> queue.submit(inbound, String.valueOf(update.getUpdateId())));
            } catch (RuntimeException e) {
                log.error("Could not read update {}", update.getUpdateId(), e);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (connector != null) {
            connector.interrupt();
        }
        TelegramBotsLongPollingApplication app = polling;
        polling = null; // closing the application closes its consumer, us: that call must not close it again
        if (app != null) {
            try {
                app.close();
            } catch (Exception e) {
                log.debug("Closing the poller failed", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Called by the library when its session closes (e.g. from {@link #stop()}): nothing more to do. */
    @Override
    public void close() {
        running = false;
    }
}
