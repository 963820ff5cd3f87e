package vn.hoibot;

import java.util.regex.Pattern;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Last line of defence for the rule "logs never contain phone numbers, message texts or tokens": every log line
 * and stack trace is passed through {@link #redact(String)}, which masks bot tokens and Vietnamese phone numbers
 * (a database error can quote the row it refused, a library can quote a URL). Wired in logback-spring.xml.
 */
public final class LogRedaction {

    private static final Pattern TOKEN = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{20,}");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d])(?:\\+?84|0)[\\s.-]?\\d{2,3}[\\s.-]?\\d{3}[\\s.-]?\\d{3,4}(?![\\d])");

    private LogRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = TOKEN.matcher(text).replaceAll("<token>");
        return PHONE.matcher(masked).replaceAll("<phone>");
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
