package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.text.Normalizer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;

class TelegramIntakeTests extends EndToEndTest {

    @Test
    void answersHelpWithTheCommandList() {
        long user = newUserId();
        JsonNode reply = say(user, "/help", 1);
        assertThat(reply.path("text").asText()).contains("/help").contains("/huy");
        assertThat(reply.path("chat_id").asText()).isEqualTo(String.valueOf(user));
    }

    @Test
    void answersUnknownCommandPolitely() {
        long user = newUserId();
        JsonNode reply = say(user, "/khongcolenhnay", 1);
        assertThat(reply.path("text").asText()).contains("/khongcolenhnay").contains("/help");
    }

    @Test
    void answersStickersAndVoiceWithAHint() {
        long user = newUserId();
        ObjectNode sticker = FakeTelegram.text(user, "x");
        ((ObjectNode) sticker.get("message")).remove("text");
        FakeTelegram.with(sticker, "sticker", FakeTelegram.node().put("file_id", "s1").put("file_unique_id", "u1")
                .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
                .put("is_video", false));
        deliver(sticker);
        assertThat(telegram.awaitMessage(token, user, 1).path("text").asText()).contains("nhãn dán");
    }

    @Test
    void ignoresEditedMessagesOnPurpose() {
        long user = newUserId();
        ObjectNode edited = FakeTelegram.update("edited_message",
                (ObjectNode) FakeTelegram.text(user, "/help").get("message").deepCopy());
        deliver(edited);
        say(user, "/huy", 1); // the next update is answered, the edit was not
        assertThat(telegram.sentTo(token, user)).hasSize(1);
        assertThat(telegram.sentTo(token, user).get(0).path("text").asText()).contains("không có việc");
    }

    @Test
    void readsDecomposedVietnameseAsComposed() {
        long user = newUserId();
        String nfd = Normalizer.normalize("/help xin chào", Normalizer.Form.NFD);
        JsonNode reply = say(user, nfd, 1);
        assertThat(reply.path("text").asText()).isEqualTo(Normalizer.normalize(reply.path("text").asText(), Normalizer.Form.NFC));
    }

    @Test
    void answersLongTextAndEmojiWithoutFailing() {
        long user = newUserId();
        JsonNode reply = say(user, "Chào em 🌸 ".repeat(400), 1);
        assertThat(reply.path("text").asText()).contains("/help");
    }

    @Test
    void answersCommandAddressedToItInAGroupAndIgnoresOthers() {
        long user = newUserId();
        long group = -1_000_000_000_000L - user;
        deliver(FakeTelegram.groupText(group, user, "xin chào cả nhà"));
        deliver(FakeTelegram.groupText(group, user, "/help@some_other_bot"));
        deliver(FakeTelegram.groupText(group, user, "/help@hoibot_test_bot"));
        JsonNode reply = telegram.awaitMessage(token, group, 1);
        assertThat(reply.path("text").asText()).contains("/help");
        await().during(Duration.ofMillis(500)).until(() -> telegram.sentTo(token, group).size() == 1);
    }

    @Test
    void asksToWritePrivatelyForPersonalCommandsInAGroup() {
        long user = newUserId();
        long group = -1_000_000_000_000L - user;
        deliver(FakeTelegram.groupText(group, user, "/huy@hoibot_test_bot"));
        JsonNode reply = telegram.awaitMessage(token, group, 1);
        assertThat(reply.path("text").asText()).contains("nhắn riêng");
        assertThat(reply.path("reply_markup").path("inline_keyboard").get(0).get(0).path("url").asText())
                .isEqualTo("https://t.me/hoibot_test_bot");
    }

    @Test
    void handlesARedeliveredUpdateOnce() {
        long user = newUserId();
        ObjectNode update = FakeTelegram.text(user, "/help");
        deliver(update);
        telegram.awaitMessage(token, user, 1);
        telegram.redeliver(token, update);
        say(user, "/huy", 2);
        assertThat(telegram.sentTo(token, user)).hasSize(2);
    }

    @Test
    void answersInEnglishWhenHerAppIsInEnglish() {
        long user = newUserId();
        deliver(FakeTelegram.textIn(user, "en", "/huy"));
        assertThat(telegram.awaitMessage(token, user, 1).path("text").asText()).contains("Nothing is in progress");
    }

    @Test
    void publishesTheCommandMenuInBothLanguages() {
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.requests(token, "setmycommands").size() >= 3);
        assertThat(telegram.requests(token, "setmycommands"))
                .anySatisfy(body -> assertThat(body.path("language_code").asText()).isEqualTo("en"));
    }
}
