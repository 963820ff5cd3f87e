package vn.hoibot.telegram;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import vn.hoibot.chat.SendPacing;
import vn.hoibot.chat.CommandMenuPublisher;
import vn.hoibot.chat.Inbox;

/** Wires the Telegram channel when a bot token is configured. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${hoibot.telegram.token:}'.isBlank()")
class TelegramConfiguration {

    @Bean
    TelegramUrl telegramUrl(TelegramProperties properties) {
        var uri = properties.apiUrl();
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /** No silent re-sends: a POST that may have reached Telegram is never repeated by OkHttp itself. */
    @Bean(destroyMethod = "")
    OkHttpClient telegramHttp(TelegramProperties properties, TelegramCallMetrics metrics,
            ObjectProvider<SendPacing> pacing) {
        SendPacing pace = pacing.getIfAvailable();
        return http(properties, metrics, pace == null ? 30 : pace.ratePerSecond());
    }

    /** The client every Bot API call goes through, sized for the send rate (see {@link TelegramProperties#concurrentCalls}). */
    static OkHttpClient http(TelegramProperties properties, Interceptor metrics, double ratePerSecond) {
        Duration timeout = properties.requestTimeout();
        int calls = properties.concurrentCalls(ratePerSecond);
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(calls + 4);
        dispatcher.setMaxRequestsPerHost(calls);
        return new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(calls, 5, java.util.concurrent.TimeUnit.MINUTES)).retryOnConnectionFailure(false).addInterceptor(metrics)
                .addInterceptor(new NonJsonErrors())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(timeout).writeTimeout(timeout).callTimeout(timeout.plusSeconds(10)).build();
    }

    @Bean
    TelegramCallMetrics telegramCallMetrics(MeterRegistry registry, Clock clock) {
        return new TelegramCallMetrics(registry, clock);
    }

    @Bean
    TelegramHealth telegramHealthIndicator(TelegramCallMetrics metrics) {
        return new TelegramHealth(metrics);
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttp, TelegramProperties properties, TelegramUrl url) {
        return new OkHttpTelegramClient(telegramHttp, properties.token(), url);
    }

    @Bean
    TelegramChannel telegramChannel(TelegramClient client, OkHttpClient telegramHttp, TelegramProperties properties) {
        return new TelegramChannel(client, telegramHttp, properties);
    }

    @Bean
    TelegramPolling telegramPolling(TelegramClient client, TelegramChannel channel, TelegramProperties properties,
            Inbox inbox, CommandMenuPublisher menus, OkHttpClient telegramHttp) {
        return new TelegramPolling(client, channel, properties, inbox, menus, telegramHttp);
    }

    @Bean
    TelegramInboxReader telegramInboxReader() {
        return new TelegramInboxReader();
    }
}
