package vn.hoibot.survey.form;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** XPath 1.0 conversions as ODK applies them to answers held as text. */
final class Values {

    private Values() {
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (v instanceof LocalDate) {
            return true;
        }
        return v != null && !v.toString().isEmpty();
    }

    static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        String s = v == null ? "" : v.toString().strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        if (s.matches("-?\\d+(\\.\\d+)?|-?\\.\\d+")) {
            return Double.parseDouble(s);
        }
        if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(s).toEpochDay();
            } catch (DateTimeParseException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    static String string(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return d.toString();
        }
        return v == null ? "" : v.toString();
    }

    static List<String> tokens(Object v) {
        String s = string(v).strip();
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Boolean || b instanceof Boolean) {
            return bool(a) == bool(b);
        }
        if (a instanceof Double || b instanceof Double || a instanceof LocalDate || b instanceof LocalDate) {
            return number(a) == number(b);
        }
        return string(a).equals(string(b));
    }
}
