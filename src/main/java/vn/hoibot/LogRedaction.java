package vn.hoibot;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Last line of defence for the rule "logs never contain phone numbers, message texts or tokens": every log line
 * and stack trace is passed through {@link #redact(String)}, which masks bot tokens, Vietnamese and international
 * phone numbers and what looks like a Vietnamese personal name (a database error can quote the row it refused, a
 * library can quote a URL, a handler's exception can quote what she typed). Wired in logback-spring.xml.
 */
public final class LogRedaction {

    private static final Pattern TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+?84|0)[\\s.-]?\\d{2,3}[\\s.-]?\\d{3}[\\s.-]?\\d{3,4}(?![\\d])");
    /** A number in international form from any country: + or 00, then 7 to 15 digits with the usual separators. */
    private static final Pattern FOREIGN_PHONE = Pattern.compile(
            "(?<![\\d\\w])(?:\\+|00)\\d(?:[\\s().-]{0,2}\\d){6,14}(?![\\d])");
    /**
     * Two to six capitalised words in a row: a candidate personal name. Masked when it looks Vietnamese (a letter
     * outside ASCII, or the middle names Thị or Văn, with or without accents); "Too Many Requests" stays.
     */
    private static final Pattern CAPITALISED = Pattern.compile(
            "(?<![\\p{L}\\d])\\p{Lu}\\p{Ll}*(?:[ \\t]+\\p{Lu}\\p{Ll}*){1,5}(?![\\p{L}\\d])");
    private static final Pattern VIETNAMESE = Pattern.compile("[^\\p{ASCII}]|(?<!\\p{L})(?:Thi|Van)(?!\\p{L})");

    private LogRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = TOKEN.matcher(text).replaceAll("<token>");
        masked = PHONE.matcher(masked).replaceAll("<phone>");
        masked = FOREIGN_PHONE.matcher(masked).replaceAll("<phone>");
        return CAPITALISED.matcher(masked).replaceAll(m -> VIETNAMESE.matcher(m.group()).find() ? "<name>"
                : java.util.regex.Matcher.quoteReplacement(m.group()));
    }

    /** {@code %m}: the message, redacted. */
    public static class Message extends MessageConverter {

        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }

    /** {@code %wEx}: the stack trace, redacted. */
    public static class Throwable extends ExtendedWhitespaceThrowableProxyConverter {

        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }
}
