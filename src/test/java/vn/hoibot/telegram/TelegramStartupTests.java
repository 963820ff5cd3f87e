package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;

class TelegramStartupTests {

    private static ConfigurableApplicationContext start(String token, String apiUrl) {
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE)
                .run("--hoibot.telegram.token=" + token, "--hoibot.telegram.api-url=" + apiUrl,
                        "--hoibot.telegram.retry-delay=200ms");
    }

    @Test
    void stopsStartUpWithOneClearLineWhenTheTokenIsRejected() {
        assertThatThrownBy(() -> start("401:wrong", FakeTelegram.instance().url()).close())
                .hasRootCauseInstanceOf(TelegramTokenRejectedException.class)
                .satisfies(e -> {
                    TelegramTokenRejectedException cause = (TelegramTokenRejectedException) rootCause(e);
                    FailureAnalysis analysis = new TokenRejectedFailureAnalyzer().analyze(cause);
                    assertThat(analysis.getDescription()).contains("TELEGRAM_BOT_TOKEN").contains("401")
                            .doesNotContain("401:wrong");
                    assertThat(analysis.getAction()).contains("@BotFather");
                });
    }

    @Test
    void startsAndKeepsTryingWhenTelegramIsUnreachable() {
        try (ConfigurableApplicationContext context = start("2000:unreachable", "http://127.0.0.1:9")) {
            TelegramPolling polling = context.getBean(TelegramPolling.class);
            assertThat(polling.isRunning()).isTrue();
            assertThat(context.getBean(TelegramChannel.class).botUsername()).isNull();
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
