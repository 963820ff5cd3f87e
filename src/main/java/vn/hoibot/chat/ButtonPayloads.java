package vn.hoibot.chat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec for what a button carries: a record in, a short text out (stored server-side with the button's opaque
 * key, never sent to Telegram), and the same record back on press. Components may be {@code String}, {@code long},
 * {@code int}, {@code boolean} (boxed or not), an enum, {@link LocalDate} or {@link Instant}; null is kept. A text
 * that does not decode to the record (an old or forged payload) is refused as an expired button.
 */
public final class ButtonPayloads {

    /** The payload of a button that needs none. */
    public record None() {
    }

    public static final None NONE = new None();

    private static final char SEPARATOR = '|';
    private static final String NULL = "~";

    private ButtonPayloads() {
    }

    public static String encode(Record payload) {
        RecordComponent[] components = payload.getClass().getRecordComponents();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            Object value;
            try {
                var accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("unreadable payload " + payload.getClass().getName(), e);
            }
            out.append(value == null ? NULL : escape(text(components[i].getType(), value)));
        }
        return out.toString();
    }

    /**
     * @throws UserFacingException {@code chat.button.expired} when the text is not such a record
     */
    public static <P extends Record> P decode(String text, Class<P> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<String> parts = split(text == null ? "" : text);
        if (components.length == 0 && parts.size() == 1 && parts.get(0).isEmpty()) {
            parts = List.of();
        }
        if (parts.size() != components.length) {
            throw new UserFacingException("chat.button.expired");
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                String part = parts.get(i);
                values[i] = part.equals(NULL) ? null : value(types[i], unescape(part));
                if (values[i] == null && types[i].isPrimitive()) {
                    throw new IllegalArgumentException("null for a primitive");
                }
            }
            Constructor<P> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UserFacingException("chat.button.expired");
        }
    }

    private static String text(Class<?> type, Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        throw new IllegalArgumentException("unsupported payload component " + type.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(text);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        throw new IllegalArgumentException("unsupported payload component " + type.getName());
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case SEPARATOR -> out.append("%7C");
                case '~' -> out.append("%7E");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        return s.replace("%7C", "|").replace("%7E", "~").replace("%25", "%");
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEPARATOR) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
