package vn.hoibot.survey.form;

import java.util.regex.Pattern;

/** XLSForm names: an XML name without colons (letter or underscore first; letters, digits, _ . - after). */
final class FormNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    private FormNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
