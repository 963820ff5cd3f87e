package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;

/**
 * The intake through the durable inbox, end to end over HTTP: a malformed update is skipped (and logged without
 * its content) while the rest of its batch is answered; NUL characters are removed; an integrity violation
 * that is not the update's own key is an error with an apology; a chat that refused a reply gets no more.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(InboxIntakeTests.Clashing.class)
@ExtendWith(OutputCaptureExtension.class)
class InboxIntakeTests extends EndToEndTest {

    @TestConfiguration
    static class Clashing {

        @Bean
        CommandHandler clashingCommand(JdbcTemplate jdbc) {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "trung";
                }

                @Override
                public String descriptionKey() {
                    return "chat.help.description";
                }

                @Override
                public Menu menu() {
                    return Menu.HIDDEN;
                }

                @Override
                public void handle(ChatContext ctx, String args) {
                    ctx.reply("chat.cancel.done"); // must never go out: the transaction fails
                    String token = "clash" + ctx.sender().userId();
                    for (int i = 0; i < 2; i++) { // the second insert breaks a primary key that is not the update's
                        jdbc.update("""
                                insert into button_token (token, channel, action, created_at, expires_at)
                                values (?, 'telegram', 'x', current_timestamp, current_timestamp)""", token);
                    }
                }
            };
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void answersAnIntegrityViolationOtherThanTheUpdateKeyWithAnApology() {
        long user = newUserId();
        assertThat(say(user, "/trung", 1).path("text").asText()).contains("Xin lỗi chị");
        assertThat(say(user, "/huy", 2).path("text").asText()).contains("không có việc");
    }

    @Test
    void skipsAMalformedUpdateWithoutItsContentInTheLogAndAnswersTheRestOfItsBatch(CapturedOutput output) {
        long before = newUserId();
        long broken = newUserId();
        long after = newUserId();
        ObjectNode bad = FakeTelegram.text(broken, "Nguyễn Thị Mai 0912345678");
        ((ObjectNode) bad.get("message")).put("date", "hôm qua"); // a field of the wrong type
        ((ObjectNode) bad.get("message").get("from")).put("first_name", "Nguyễn Thị Mai");
        deliver(FakeTelegram.text(before, "/huy"));
        long badId = deliver(bad);
        deliver(FakeTelegram.text(after, "/huy"));

        assertThat(telegram.awaitMessage(token, before, 1).path("text").asText()).contains("không có việc");
        assertThat(telegram.awaitMessage(token, after, 1).path("text").asText()).contains("không có việc");
        await().until(() -> "UNREADABLE".equals(status(badId)));
        assertThat(telegram.sentTo(token, broken)).isEmpty();
        assertThat(output.getAll()).contains("Update " + badId + " on telegram could not be read")
                .contains("message.date").doesNotContain("0912345678").doesNotContain("Nguyễn Thị Mai")
                .doesNotContain("hôm qua");
        // and the bot goes on answering everyone
        assertThat(say(before, "/huy", 2).path("text").asText()).contains("không có việc");
    }

    @Test
    void skipsAnUpdateWhoseSenderIsOfTheWrongShape() {
        long broken = newUserId();
        long next = newUserId();
        ObjectNode bad = FakeTelegram.text(broken, "/huy");
        ((ObjectNode) bad.get("message")).put("from", "không phải người"); // an object expected
        long badId = deliver(bad);
        deliver(FakeTelegram.text(next, "/huy"));
        telegram.awaitMessage(token, next, 1);
        await().until(() -> "UNREADABLE".equals(status(badId)));
    }

    @Test
    void removesNulCharactersAtIntake() {
        long user = newUserId();
        long id = deliver(FakeTelegram.text(user, "/huy\u0000"));
        assertThat(telegram.awaitMessage(token, user, 1).path("text").asText()).contains("không có việc");
        assertThat(jdbc.queryForObject("select payload from inbox_update where channel = 'telegram' and update_key = ?",
                String.class, String.valueOf(id))).doesNotContain("\\u0000").doesNotContain("\u0000");
    }

    @Test
    void sendsNothingMoreToAChatThatRefused() {
        long user = newUserId();
        telegram.refuse(user, 403, "Forbidden: bot was blocked by the user");
        List<Long> ids = List.of(deliver(FakeTelegram.text(user, "/huy")), deliver(FakeTelegram.text(user, "/huy")),
                deliver(FakeTelegram.text(user, "/huy")), deliver(FakeTelegram.text(user, "/huy")));
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "DONE".equals(status(id))));
        assertThat(telegram.sentTo(token, user)).hasSize(1); // one refusal, then no more tries (nor pace waits)
    }

    private String status(long updateId) {
        List<String> found = jdbc.queryForList(
                "select status from inbox_update where channel = 'telegram' and update_key = ?", String.class,
                String.valueOf(updateId));
        return found.isEmpty() ? null : found.get(0);
    }
}
