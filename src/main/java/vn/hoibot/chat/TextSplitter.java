package vn.hoibot.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into parts that fit a channel's limit (Telegram: 4,096 UTF-16 units per message), on
 * paragraph boundaries where possible, then on lines, then on spaces, never inside a surrogate pair.
 */
public final class TextSplitter {

    public static final int MESSAGE_LIMIT = 4096;
    public static final int CAPTION_LIMIT = 1024;

    private TextSplitter() {
    }

    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = lastBreak(rest, limit, "\n\n");
            if (cut <= 0) {
                cut = lastBreak(rest, limit, "\n");
            }
            if (cut <= 0) {
                cut = lastBreak(rest, limit, " ");
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(limit - 1)) ? limit - 1 : limit;
            }
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int lastBreak(String text, int limit, String separator) {
        int at = text.lastIndexOf(separator, limit - separator.length());
        return at <= limit / 4 ? -1 : at + separator.length();
    }
}
