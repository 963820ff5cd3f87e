package vn.hoibot.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text, once: {@link #fold} gives accent- and case-insensitive keys ({@code Họ và tên} → {@code ho va ten}),
 * {@link #nfc} the composed form people's phones send most (NFD input from some keyboards becomes NFC).
 * Both accept null.
 */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /** Lower case, without diacritics (đ → d), spaces folded to one, trimmed; "" for null. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The text in Unicode normal form C; null stays null. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
