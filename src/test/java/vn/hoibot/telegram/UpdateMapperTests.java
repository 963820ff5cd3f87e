package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboxReader;

/** Updates that the library reads but that lack what the mapping needs are ignored or answered, never thrown. */
class UpdateMapperTests {

    private static Optional<Inbound> read(String update) throws InboxReader.Unreadable {
        return new TelegramInboxReader().read(update);
    }

    /** Skipped on purpose: nothing to answer, or refused by the library's reading (logged, marked unreadable). */
    private static boolean skipped(String update) {
        try {
            return read(update).isEmpty();
        } catch (InboxReader.Unreadable e) {
            return true;
        }
    }

    private static String message(String from, String chat, String rest) {
        return "{\"update_id\":1,\"message\":{\"message_id\":5,\"date\":1767225600" + (from == null ? "" : ",\"from\":" + from)
                + (chat == null ? "" : ",\"chat\":" + chat) + rest + "}}";
    }

    private static final String LAN = "{\"id\":42,\"is_bot\":false,\"first_name\":\"Lan\"}";
    private static final String PRIVATE = "{\"id\":42,\"type\":\"private\"}";

    @Test
    void ignoresAMessageWhoseSenderHasNoId() throws Exception {
        assertThat(skipped(message("{\"is_bot\":false,\"first_name\":\"Lan\"}", PRIVATE, ",\"text\":\"/huy\""))).isTrue();
    }

    @Test
    void ignoresAMessageWhoseChatHasNoId() throws Exception {
        assertThat(skipped(message(LAN, "{\"type\":\"private\"}", ",\"text\":\"/huy\""))).isTrue();
    }

    @Test
    void ignoresAButtonPressWithoutItsPresserOrHerChatId() throws Exception {
        assertThat(skipped("{\"update_id\":2,\"callback_query\":{\"id\":\"c\",\"data\":\"x\",\"chat_instance\":\"1\","
                + "\"message\":{\"message_id\":5,\"date\":1767225600,\"chat\":" + PRIVATE + "}}}")).isTrue();
        assertThat(skipped("{\"update_id\":2,\"callback_query\":{\"id\":\"c\",\"data\":\"x\",\"chat_instance\":\"1\","
                + "\"from\":{\"is_bot\":false,\"first_name\":\"Lan\"},"
                + "\"message\":{\"message_id\":5,\"date\":1767225600,\"chat\":" + PRIVATE + "}}}")).isTrue();
    }

    @Test
    void answersADocumentWithoutAFileIdAsSomethingItCannotRead() throws Exception {
        assertThat(read(message(LAN, PRIVATE, ",\"document\":{\"file_name\":\"ds.xlsx\"}")))
                .containsInstanceOf(Inbound.Other.class);
    }

    @Test
    void answersAPhotoWithoutUsableSizesAsSomethingItCannotRead() throws Exception {
        assertThat(read(message(LAN, PRIVATE, ",\"photo\":[null]"))).containsInstanceOf(Inbound.Other.class);
        assertThat(read(message(LAN, PRIVATE, ",\"photo\":[{\"width\":9,\"height\":9}]")))
                .containsInstanceOf(Inbound.Other.class);
    }

    @Test
    void answersAContactWithoutAPhoneAsSomethingItCannotRead() throws Exception {
        assertThat(read(message(LAN, PRIVATE, ",\"contact\":{\"first_name\":\"Lan\"}")))
                .containsInstanceOf(Inbound.Other.class);
    }

    @Test
    void stillMapsWellFormedFilesAndPhotos() throws Exception {
        assertThat(read(message(LAN, PRIVATE, ",\"document\":{\"file_id\":\"d1\",\"file_unique_id\":\"u\",\"file_name\":\"a.csv\"}")))
                .get().isInstanceOfSatisfying(Inbound.FileReceived.class, f -> assertThat(f.fileRef()).isEqualTo("d1"));
        assertThat(read(message(LAN, PRIVATE, ",\"photo\":[null,{\"file_id\":\"p1\",\"file_unique_id\":\"u\",\"width\":9,\"height\":9}]")))
                .get().isInstanceOfSatisfying(Inbound.FileReceived.class, f -> assertThat(f.fileRef()).isEqualTo("p1"));
    }
}
