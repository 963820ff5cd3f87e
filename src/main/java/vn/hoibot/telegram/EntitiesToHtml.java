package vn.hoibot.telegram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.telegram.telegrambots.meta.api.objects.MessageEntity;

/**
 * Turns a Telegram text with formatting entities into Telegram's HTML subset, so a notice keeps its bold, italics
 * and links when sent on. Offsets are UTF-16 units, as Java strings count; entities are nested, never crossing.
 */
final class EntitiesToHtml {

    private static final Set<String> FORMATTING = Set.of("bold", "italic", "underline", "strikethrough", "spoiler",
            "code", "pre", "text_link", "blockquote");

    private EntitiesToHtml() {
    }

    /** The HTML, or null when the text carries no formatting. */
    static String convert(String text, List<MessageEntity> entities) {
        if (text == null || entities == null || entities.stream().noneMatch(e -> FORMATTING.contains(e.getType()))) {
            return null;
        }
        List<MessageEntity> sorted = new ArrayList<>(entities.stream().filter(e -> FORMATTING.contains(e.getType()))
                .filter(e -> e.getOffset() >= 0 && e.getOffset() + e.getLength() <= text.length()).toList());
        sorted.sort(Comparator.comparing(MessageEntity::getOffset).thenComparing(e -> -e.getLength()));
        StringBuilder html = new StringBuilder();
        List<MessageEntity> open = new ArrayList<>();
        int next = 0;
        for (int at = 0; at <= text.length(); at++) {
            while (!open.isEmpty() && end(open.get(open.size() - 1)) == at) {
                html.append(close(open.remove(open.size() - 1)));
            }
            while (next < sorted.size() && sorted.get(next).getOffset() == at) {
                MessageEntity entity = sorted.get(next++);
                html.append(open(entity));
                open.add(entity);
            }
            if (at < text.length()) {
                html.append(escape(text.charAt(at)));
            }
        }
        return html.toString();
    }

    private static int end(MessageEntity e) {
        return e.getOffset() + e.getLength();
    }

    private static String open(MessageEntity e) {
        return switch (e.getType()) {
            case "bold" -> "<b>";
            case "italic" -> "<i>";
            case "underline" -> "<u>";
            case "strikethrough" -> "<s>";
            case "spoiler" -> "<tg-spoiler>";
            case "code" -> "<code>";
            case "pre" -> "<pre>";
            case "blockquote" -> "<blockquote>";
            default -> "<a href=\"" + escapeAttribute(e.getUrl()) + "\">";
        };
    }

    private static String close(MessageEntity e) {
        return switch (e.getType()) {
            case "bold" -> "</b>";
            case "italic" -> "</i>";
            case "underline" -> "</u>";
            case "strikethrough" -> "</s>";
            case "spoiler" -> "</tg-spoiler>";
            case "code" -> "</code>";
            case "pre" -> "</pre>";
            case "blockquote" -> "</blockquote>";
            default -> "</a>";
        };
    }

    private static String escape(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            default -> String.valueOf(c);
        };
    }

    private static String escapeAttribute(String url) {
        return url == null ? "" : url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
