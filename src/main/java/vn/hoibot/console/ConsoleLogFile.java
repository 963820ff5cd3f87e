package vn.hoibot.console;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;

/**
 * While the console chat runs, the log goes to a file instead of the terminal, so log lines never land between
 * the bot's messages. The same redacting pattern as on the terminal ({@code %m} is {@code LogRedaction}).
 */
final class ConsoleLogFile {

    private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %5p [%t] %logger{36} : %m%n%wEx";

    private final String path;
    private Appender<ILoggingEvent> terminal;
    private FileAppender<ILoggingEvent> file;

    ConsoleLogFile(String path) {
        this.path = path;
    }

    synchronized void divert() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || file != null) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        file = new FileAppender<>();
        file.setContext(context);
        file.setName("CONSOLE_CHAT_FILE");
        file.setFile(path);
        file.setAppend(true);
        file.setEncoder(encoder);
        file.start();
        root.addAppender(file);
        terminal = root.getAppender("CONSOLE");
        if (terminal != null) {
            root.detachAppender(terminal);
        }
    }

    synchronized void restore() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context) || file == null) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (terminal != null) {
            root.addAppender(terminal);
        }
        root.detachAppender(file);
        file.stop();
        file = null;
    }
}
