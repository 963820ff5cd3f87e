package vn.hoibot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hoibot.HoiBotApplication;

/** The console is a real channel of the chat core: typed lines go through the same router as Telegram updates. */
class ConsoleChannelTests {

    @Test
    void answersTypedCommandsAndNumberedButtons() throws Exception {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        System.setIn(new PipedInputStream(keyboard));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HoiBotApplication.class)
                .web(WebApplicationType.NONE).run("--hoibot.console.enabled=true", "--hoibot.telegram.token=")) {
            type(keyboard, "/help");
            await().atMost(Duration.ofSeconds(10)).until(() -> output(captured).contains("HoiBot> "));
            assertThat(output(captured)).contains("/huy").contains("/start");

            type(keyboard, "/start");
            await().atMost(Duration.ofSeconds(10)).until(() -> output(captured).contains("[1] ✅ Tôi đồng ý"));
            type(keyboard, "2");
            await().atMost(Duration.ofSeconds(10)).until(() -> output(captured).contains("chưa lưu thông tin"));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }

    private static void type(PipedOutputStream keyboard, String line) throws Exception {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static String output(ByteArrayOutputStream captured) {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
