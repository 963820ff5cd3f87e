package vn.hoibot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.hoibot.HoiBotApplication;

/**
 * The console is a real channel of the chat core: typed lines go through the same router as Telegram updates. Driven
 * through stdin with the demo roster, it plays a guest who links by a typed phone, a leader who sends a notice (its
 * deliveries to other identities printed with their names), a name that fits several people, and the admin.
 */
class ConsoleChannelTests {

    @TempDir
    Path temp;

    @Test
    void playsAGuestALeaderAndTheAdminThroughStdin() throws Exception {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        System.setIn(new PipedInputStream(keyboard, 1 << 16));
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Path logFile = temp.resolve("console.log");
        String db = "jdbc:h2:mem:console-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HoiBotApplication.class)
                .web(WebApplicationType.NONE).run("--hoibot.console.enabled=true", "--hoibot.telegram.token=",
                        "--spring.datasource.url=" + db, "--hoibot.console.log-file=" + logFile,
                        "--spring.quartz.scheduler-name=console-test", "--hoibot.demo.load=always")) {
            expect(captured, "/as admin");
            int logStart = seen;

            // a guest: only a guest's commands, then she links by typing her phone
            type(keyboard, "/help");
            expect(captured, "chưa liên kết");
            assertThat(output(captured)).doesNotContain("/taohop").doesNotContain("/lichhop —");
            type(keyboard, "/start");
            expect(captured, "[1] ✅ Tôi đồng ý");
            type(keyboard, "1");
            expect(captured, "✓ Đã bấm: ✅ Tôi đồng ý");
            expect(captured, "[0] ");
            type(keyboard, "0 0900000032");
            expect(captured, "Đã liên kết tài khoản! Chào chị Nguyễn Thị Lan");

            // a name that fits several people: a choice list
            type(keyboard, "/as Huyền");
            expect(captured, "Có nhiều người tên \"Huyền\"");
            type(keyboard, "2");
            expect(captured, "Bây giờ chị là ");

            // a branch head sends a notice of 4,000 Vietnamese characters; the delivery to the guest is printed
            type(keyboard, "/as 0900000031");
            expect(captured, "Bây giờ chị là Nguyễn Ngọc Lụa");
            type(keyboard, "/thongbao");
            expect(captured, "nội dung");
            String longLine = "Kính mời chị em đến dự buổi sinh hoạt chi hội tháng mười hai. ".repeat(70)
                    .substring(0, 4000).strip();
            type(keyboard, longLine);
            expect(captured, "[1] ");
            type(keyboard, "1");
            expect(captured, longLine);
            expect(captured, "✅ Gửi ngay");
            String before = output(captured);
            int at = before.lastIndexOf("] ✅ Gửi ngay");
            type(keyboard, before.substring(at - 1, at));
            expect(captured, "→ Khách: " + longLine.substring(0, 40));

            // the admin
            type(keyboard, "/as admin");
            expect(captured, "Bây giờ chị là Quản trị viên");
            type(keyboard, "/help");
            expect(captured, "Cho quản trị viên");
            assertThat(output(captured)).contains("/capquyen").contains("/donvi");

            // the log went to the file, not between the messages
            String chat = output(captured).substring(logStart);
            assertThat(chat).doesNotContain(" INFO ").doesNotContain(" WARN ");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(logFile) && Files.size(logFile) > 0);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            Files.writeString(Path.of("target", "console-test-output.txt"), output(captured)); // to read when it fails
        }
    }

    private int seen;

    /** Waits for {@code part} to be printed after what the previous expectation found. */
    private void expect(ByteArrayOutputStream captured, String part) {
        await().atMost(Duration.ofSeconds(20)).until(() -> output(captured).indexOf(part, seen) >= 0);
        seen = output(captured).indexOf(part, seen) + part.length();
    }

    private static void type(PipedOutputStream keyboard, String line) throws Exception {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static String output(ByteArrayOutputStream captured) {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
