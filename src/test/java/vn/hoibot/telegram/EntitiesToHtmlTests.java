package vn.hoibot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;

class EntitiesToHtmlTests {

    private static MessageEntity entity(String type, int offset, int length, String url) {
        MessageEntity e = new MessageEntity(type, offset, length);
        e.setUrl(url);
        return e;
    }

    @Test
    void keepsBoldItalicAndLinksAndEscapesTheRest() {
        String text = "Họp chi hội <19h> & xem lịch";
        String html = EntitiesToHtml.convert(text, List.of(entity("bold", 0, 11, null),
                entity("italic", 4, 7, null), entity("text_link", 24, 4, "https://hoi.vn/?a=1&b=2")));
        assertThat(html).isEqualTo("<b>Họp <i>chi hội</i></b> &lt;19h&gt; &amp; xem <a href=\"https://hoi.vn/?a=1&amp;b=2\">lịch</a>");
    }

    @Test
    void countsOffsetsInUtf16UnitsAroundEmoji() {
        String text = "🌸 Ngày 8/3";
        assertThat(EntitiesToHtml.convert(text, List.of(entity("bold", 3, 8, null)))).isEqualTo("🌸 <b>Ngày 8/3</b>");
    }

    @Test
    void returnsNothingForPlainTextOrMentionsOnly() {
        assertThat(EntitiesToHtml.convert("xin chào", null)).isNull();
        assertThat(EntitiesToHtml.convert("/start", List.of(entity("bot_command", 0, 6, null)))).isNull();
    }
}
