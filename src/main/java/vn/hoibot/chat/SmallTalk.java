package vn.hoibot.chat;

import java.util.Set;

import vn.hoibot.text.Texts;

/** Thanks, okays and greetings outside any dialog: answered with a short friendly line, not "not understood". */
final class SmallTalk {

    private static final Set<String> THANKS = Set.of("cam on", "cam on em", "cam on nhe", "cam on nhieu",
            "cam on em nhe", "cam on em nhieu", "cam on a", "thanks", "thank you", "thank", "tks", "thks");
    private static final Set<String> OKAY = Set.of("ok", "oke", "okay", "okie", "vang", "vang a", "da", "da vang",
            "u", "uh", "duoc", "duoc roi", "roi", "biet roi", "da biet", "nhat tri", "👍", "👌");
    private static final Set<String> GREETINGS = Set.of("chao", "xin chao", "chao em", "chao ban", "hi", "hello",
            "alo", "chao bot");

    private SmallTalk() {
    }

    /** The message key of the answer, or null when it is not small talk. */
    static String replyKey(String text) {
        String s = Texts.fold(text).replaceAll("[.!?,~:)(]+", " ").replaceAll("\\s+", " ").strip();
        if (THANKS.contains(s)) {
            return "chat.smalltalk.thanks";
        }
        if (OKAY.contains(s)) {
            return "chat.smalltalk.ok";
        }
        if (GREETINGS.contains(s)) {
            return "chat.smalltalk.hello";
        }
        return null;
    }
}
