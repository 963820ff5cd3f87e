package vn.hoibot.member;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A set of rows the database computes, kept as SQL with named parameters so that an audience of any size is
 * counted, joined and copied (e.g. into the outbox with one {@code insert ... select}) without ever being loaded.
 * What columns it has is said by the method that made it. Plain SQL for H2 and PostgreSQL; no user input is ever
 * part of the text, only of the parameters.
 */
public record Selection(String sql, Map<String, Object> params) {

    public Selection {
        Objects.requireNonNull(sql, "sql");
        params = Map.copyOf(params);
    }

    /** The parameters and more of them (names must not clash). */
    public Map<String, Object> paramsWith(Map<String, Object> more) {
        Map<String, Object> all = new HashMap<>(params);
        more.forEach((k, v) -> {
            if (all.put(k, v) != null) {
                throw new IllegalArgumentException("parameter " + k + " given twice");
            }
        });
        return all;
    }

    /** The rows of this selection that also satisfy {@code condition} (over the alias {@code s}). */
    public Selection where(String condition, Map<String, Object> more) {
        return new Selection("select s.* from (" + sql + ") s where " + condition, paramsWith(more));
    }
}
