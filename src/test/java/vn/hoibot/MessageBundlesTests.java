package vn.hoibot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MessageBundlesTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("messages", name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void hasTheSameKeysInVietnameseAndEnglish() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages_vi.properties").stringPropertyNames());
    }

    @Test
    void keepsVietnameseInComposedFormWithDiacritics() throws IOException {
        Properties vi = load("messages_vi.properties");
        for (String key : vi.stringPropertyNames()) {
            String text = vi.getProperty(key);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(key).isTrue();
        }
        assertThat(vi.getProperty("chat.error.generic")).contains("Xin lỗi");
    }

    @Test
    void parsesEveryMessageAsAMessageFormat() throws IOException {
        Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
        for (String file : new String[] { "messages_vi.properties", "messages_en.properties" }) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                assertThat(loneQuote.matcher(text).find()).as(file + " " + key + " has a lone apostrophe").isFalse();
                assertThat(new MessageFormat(text, Locale.ROOT).getFormats()).as(file + " " + key).isNotNull();
            }
        }
    }
}
