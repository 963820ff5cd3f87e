package vn.hoibot.report;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.hoibot.text.Texts;

/**
 * The font of the charts: the configured family when it exists here and displays every Vietnamese letter, else the
 * first family on the machine that does, with a warning at start; with none, a warning that labels will show boxes.
 */
@Component
class ChartFonts {

    /** Every Vietnamese letter: the twelve vowels with each of the five tones, lower and upper case, and d with stroke. */
    static final String VIETNAMESE = vietnameseLetters();
    private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);

    private final String family;
    private final boolean vietnamese;

    ChartFonts(ReportProperties properties) {
        String wanted = properties.font();
        if (displaysVietnamese(wanted)) {
            family = wanted;
            vietnamese = true;
            return;
        }
        String found = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .filter(ChartFonts::displaysVietnamese).findFirst().orElse(null);
        if (found != null) {
            log.warn("Chart font '{}' cannot display Vietnamese here; using '{}' (install fonts-dejavu-core)", wanted,
                    found);
            family = found;
            vietnamese = true;
        } else {
            log.warn("No font on this machine displays Vietnamese: chart labels will show boxes "
                    + "(install fonts-dejavu-core)");
            family = Font.SANS_SERIF;
            vietnamese = false;
        }
    }

    /** Built from base letters and combining marks (composed to NFC), so no Vietnamese text sits in the code. */
    private static String vietnameseLetters() {
        String[] vowels = { "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B",
                "y" };
        String[] tones = { "", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323" };
        StringBuilder letters = new StringBuilder("\u0111\u0110");
        for (String vowel : vowels) {
            for (String tone : tones) {
                String letter = Texts.nfc(vowel + tone);
                letters.append(letter).append(letter.toUpperCase(Locale.ROOT));
            }
        }
        return letters.toString();
    }

    static boolean displaysVietnamese(String family) {
        Font font = new Font(family, Font.PLAIN, 12);
        return font.getFamily(Locale.ROOT).equalsIgnoreCase(family) && font.canDisplayUpTo(VIETNAMESE) == -1;
    }

    Font font(int style, int size) {
        return new Font(family, style, size);
    }

    String family() {
        return family;
    }

    boolean vietnamese() {
        return vietnamese;
    }
}
