package vn.hoibot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks through every table and column of the application's schema (information_schema) for values: text columns
 * containing one of the needles (case-insensitive), number columns equal to one of the numeric needles. Used to
 * prove that nothing of a person is left after her erasure, or stored before her consent.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** "table.column: needle" for every column where a needle was found. */
    public static List<String> find(JdbcTemplate jdbc, List<String> needles) {
        String schema = jdbc.queryForObject("select current_schema", String.class);
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                 where table_schema = ? order by table_name, column_name""", schema);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = c.get("table_name").toString();
            String column = c.get("column_name").toString();
            String type = c.get("data_type").toString().toLowerCase(Locale.ROOT);
            boolean text = type.contains("char") || type.contains("text") || type.contains("clob");
            boolean number = type.equals("bigint") || type.equals("integer") || type.equals("numeric");
            if (!text && !number) {
                continue;
            }
            for (String needle : needles) {
                if (needle == null || needle.isBlank()) {
                    continue;
                }
                Integer n;
                if (text) {
                    n = jdbc.queryForObject("select count(*) from " + table + " where lower(" + column
                            + ") like ?", Integer.class, "%" + needle.toLowerCase(Locale.ROOT) + "%");
                } else if (needle.matches("\\d{6,18}")) {
                    n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?",
                            Integer.class, Long.parseLong(needle));
                } else {
                    continue;
                }
                if (n != null && n > 0) {
                    found.add(table + "." + column + ": " + needle);
                }
            }
        }
        return found;
    }
}
