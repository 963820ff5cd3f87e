package vn.hoibot.chat;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import vn.hoibot.text.Texts;

/** Renders user-facing text from the bundles in messages/, Vietnamese first, always in NFC. */
@Component
public class Messages {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Messages.class);

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    public String get(Locale locale, String key, Object... args) {
        try {
            return nfc(source.getMessage(key, args, supported(locale)));
        } catch (NoSuchMessageException e) {
            log.error("Missing message key {}", key);
            return nfc(source.getMessage("chat.error.generic", null, "…", supported(locale)));
        }
    }

    /** The locales we answer in: English for people whose app is in English, Vietnamese for everyone else. */
    public static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE;
    }

    /** Maps a channel's language code (e.g. Telegram's "en-GB") to a supported locale. */
    public static Locale fromLanguageCode(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : VIETNAMESE;
    }

    public static String nfc(String text) {
        return Texts.nfc(text);
    }
}
