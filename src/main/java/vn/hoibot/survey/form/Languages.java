package vn.hoibot.survey.form;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads XLSForm language names ({@code Tiếng Việt (vi)}, {@code English (en)}, {@code vi}) as language codes. */
final class Languages {

    private static final Pattern CODE_IN_PARENS = Pattern.compile("\\(([A-Za-z]{2,3}(-[A-Za-z0-9]+)?)\\)\\s*$");
    private static final Pattern BARE_CODE = Pattern.compile("[A-Za-z]{2,3}");

    private Languages() {
    }

    static String code(String name) {
        String n = name.strip();
        Matcher m = CODE_IN_PARENS.matcher(n);
        if (m.find()) {
            return m.group(1).toLowerCase(Locale.ROOT);
        }
        if (BARE_CODE.matcher(n).matches()) {
            return n.toLowerCase(Locale.ROOT);
        }
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.contains("vietnam") || lower.contains("vi\u1ec7t")) {
            return "vi";
        }
        if (lower.contains("english") || lower.contains("anh")) {
            return "en";
        }
        return lower;
    }
}
