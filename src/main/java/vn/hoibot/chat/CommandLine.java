package vn.hoibot.chat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command as typed: {@code /name@bot args}. Names are ASCII (Telegram's rule); {@code bot} is set when the
 * command was addressed to a particular bot in a group.
 */
public record CommandLine(String name, String bot, String args) {

    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$",
            Pattern.DOTALL);

    /** The command in a text, or null when the text is not a command. */
    public static CommandLine parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String args = m.group(3) == null ? "" : m.group(3).strip();
        return new CommandLine(m.group(1).toLowerCase(Locale.ROOT), m.group(2), args);
    }

    /** Whether the command names another bot than {@code ourUsername} (null when we do not know ours). */
    public boolean addressedToOther(String ourUsername) {
        return bot != null && ourUsername != null && !bot.equalsIgnoreCase(ourUsername);
    }

    public boolean addressedTo(String ourUsername) {
        return bot != null && ourUsername != null && bot.equalsIgnoreCase(ourUsername);
    }
}
