package vn.hoibot.member;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers in E.164 ({@code +84} and nine digits). Accepts the national form ({@code 09x…}), the
 * international forms ({@code +84…}, {@code 84…}, {@code 0084…}, also with a stray {@code (0)}), separators (spaces,
 * dots, dashes, parentheses), nine digits without the leading zero (as Excel shows a number stored as a number), and
 * the old eleven-digit {@code 01xx} numbers renumbered in 2018. Anything else, landlines included, is rejected.
 */
public final class PhoneNumbers {

    /** Mobile prefixes in use since the 2018 renumbering (after the leading 0). */
    private static final Pattern MOBILE = Pattern.compile("(?:3[2-9]|5[25689]|7[06789]|8[1-9]|9\\d)\\d{7}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/\\u00a0]");

    /** Old 01xx prefixes (after the leading 0) and the prefixes that replaced them. */
    private static final Map<String, String> RENUMBERED = Map.ofEntries(
            Map.entry("162", "32"), Map.entry("163", "33"), Map.entry("164", "34"), Map.entry("165", "35"),
            Map.entry("166", "36"), Map.entry("167", "37"), Map.entry("168", "38"), Map.entry("169", "39"),
            Map.entry("120", "70"), Map.entry("121", "79"), Map.entry("122", "77"), Map.entry("126", "76"),
            Map.entry("128", "78"), Map.entry("123", "83"), Map.entry("124", "84"), Map.entry("125", "85"),
            Map.entry("127", "81"), Map.entry("129", "82"), Map.entry("186", "56"), Map.entry("188", "58"),
            Map.entry("199", "59"));

    private PhoneNumbers() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        boolean international = false;
        if (s.startsWith("+84")) {
            s = s.substring(3);
            international = true;
        } else if (s.startsWith("0084")) {
            s = s.substring(4);
            international = true;
        } else if (s.startsWith("84") && (s.length() == 11 || s.length() == 12)) {
            s = s.substring(2);
            international = true;
        }
        if (!s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        if (s.startsWith("0")) {
            s = s.substring(1);
        } else if (!international && s.length() != 9) {
            return Optional.empty();
        }
        if (s.length() == 10 && s.startsWith("1")) {
            String replacement = RENUMBERED.get(s.substring(0, 3));
            if (replacement == null) {
                return Optional.empty();
            }
            s = replacement + s.substring(3);
        }
        return MOBILE.matcher(s).matches() ? Optional.of("+84" + s) : Optional.empty();
    }

    /** A phone number fit for logs and screens that must not show it: {@code +84*****678}. */
    public static String masked(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "***";
        }
        return e164.substring(0, 3) + "*".repeat(e164.length() - 6) + e164.substring(e164.length() - 3);
    }
}
