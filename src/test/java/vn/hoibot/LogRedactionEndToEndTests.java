package vn.hoibot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.Sender;
import vn.hoibot.member.MemberView;

/**
 * A handler that fails with what she typed in its exception (a personal name and a foreign phone number): the
 * stack trace the router logs holds neither. Records that reach logs by accident print no phone either.
 */
@ExtendWith(OutputCaptureExtension.class)
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(LogRedactionEndToEndTests.Failing.class)
class LogRedactionEndToEndTests extends EndToEndTest {

    static final String NAME = "Nguyễn Thị Phương Thảo";
    static final String FOREIGN = "+49 30 1234 5678";

    @TestConfiguration
    static class Failing {
        @Bean
        CommandHandler failingForTest() {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "hongthu";
                }

                @Override
                public String descriptionKey() {
                    return "chat.error.generic";
                }

                @Override
                public Menu menu() {
                    return Menu.HIDDEN;
                }

                @Override
                public void handle(ChatContext ctx, String args) {
                    throw new IllegalStateException("could not store contact " + args,
                            new IllegalArgumentException("row (" + args + ") refused"));
                }
            };
        }
    }

    @Test
    void aFailingHandlersStackTraceHoldsNoNameAndNoForeignNumber(CapturedOutput output) {
        long user = newUserId();
        say(user, "/hongthu " + NAME + " " + FOREIGN, 1); // she gets the polite apology
        await().until(() -> output.getAll().contains("could not store contact"));
        assertThat(output.getAll()).contains("could not store contact <name> <phone>")
                .doesNotContain(NAME).doesNotContain("Phương Thảo").doesNotContain("1234 5678")
                .doesNotContain("12345678");
    }

    @Test
    void recordsPrintNoPhone() {
        MemberView view = new MemberView(7, NAME, "+84912345678", 1980, false, false, "ACTIVE",
                LocalDate.of(2020, 1, 1), 3L, Set.of(), null);
        assertThat(view.toString()).doesNotContain("912345678").doesNotContain(NAME).contains("id=7");
        Inbound.ContactShared contact = new Inbound.ContactShared(
                new Sender("telegram", "5", "5", vn.hoibot.chat.ChatType.PRIVATE, "Lan", java.util.Locale.forLanguageTag("vi")),
                "+84912345678", "5", "Phương", "Thảo");
        assertThat(contact.toString()).doesNotContain("912345678").doesNotContain("Thảo");
        assertThat(LogRedaction.redact("Telegram said Too Many Requests for chat 700000123"))
                .isEqualTo("Telegram said Too Many Requests for chat 700000123");
        assertThat(LogRedaction.redact("call 0044 20 7946 0958 or +1 (202) 555-0143"))
                .isEqualTo("call <phone> or <phone>");
        assertThat(LogRedaction.redact("member Le Thi Lan")).isEqualTo("member <name>");
    }
}
