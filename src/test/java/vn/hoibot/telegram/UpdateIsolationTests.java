package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;

/** One bad update never stops the bot; odd updates get a sensible answer or are ignored on purpose. */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(UpdateIsolationTests.Broken.class)
class UpdateIsolationTests extends EndToEndTest {

    @TestConfiguration
    static class Broken {

        @Bean
        CommandHandler brokenCommand() {
            return new CommandHandler() {
                @Override
                public String command() {
                    return "hong";
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
                    ctx.reply("chat.cancel.done"); // queued, must never go out: the transaction fails
                    throw new IllegalStateException("a bug in a handler");
                }
            };
        }
    }

    @Test
    void answersPolitelyWhenAHandlerFailsAndKeepsHandlingUpdates() {
        long user = newUserId();
        JsonNode apology = say(user, "/hong", 1);
        assertThat(apology.path("text").asText()).contains("Xin lỗi chị");
        JsonNode next = say(user, "/huy", 2);
        assertThat(next.path("text").asText()).contains("không có việc");
        assertThat(telegram.sentTo(token, user)).noneMatch(b -> b.path("text").asText().startsWith("Đã dừng"));
    }

    @Test
    void ignoresChannelPostsAndAnswersPhotosAndVoice() {
        long user = newUserId();
        ObjectNode post = FakeTelegram.node();
        post.put("message_id", 1).put("date", 1767225600).put("text", "/help");
        post.set("chat", FakeTelegram.node().put("id", -100777).put("type", "channel").put("title", "Kênh"));
        deliver(FakeTelegram.update("channel_post", post));

        ObjectNode voice = FakeTelegram.text(user, "x");
        ((ObjectNode) voice.get("message")).remove("text");
        FakeTelegram.with(voice, "voice", FakeTelegram.node().put("file_id", "v1").put("file_unique_id", "v1").put("duration", 3));
        deliver(voice);
        assertThat(telegram.awaitMessage(token, user, 1).path("text").asText()).contains("tin thoại");

        ObjectNode photo = FakeTelegram.text(user, "x");
        ((ObjectNode) photo.get("message")).remove("text");
        photo.withObject("message").putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "p1")
                .put("width", 90).put("height", 90).put("file_size", 1000);
        deliver(photo);
        assertThat(telegram.awaitMessage(token, user, 2).path("text").asText()).contains("chưa cần tệp");
        await().during(Duration.ofMillis(300)).until(() -> telegram.sentTo(token, -100777).isEmpty());
    }
}
