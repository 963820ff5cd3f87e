package vn.hoibot.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.time.Period;

/** Recursive tree walks over the dated parent links; plain SQL that runs on H2 and PostgreSQL. */
@Component
class UnitTreeQueries {

    private static final String LINK_ON = Period.sqlValidOn("l");
    private static final String UNIT_ON = Period.sqlValidOn("u");
    private static final String COLUMNS = "u.id, u.code, u.name, u.level, t.parent_id, u.valid_from, u.valid_to";

    private final JdbcClient jdbc;

    UnitTreeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The unit and everything below it on {@code day}, parents before children. */
    List<UnitView> subtree(long unitId, LocalDate day) {
        String sql = """
                with recursive t (id, parent_id, depth) as (
                  select u.id, (select l.parent_id from org_unit_parent l where l.unit_id = u.id and %1$s), 0
                    from org_unit u where u.id = :id
                  union all
                  select l.unit_id, l.parent_id, t.depth + 1 from org_unit_parent l join t on l.parent_id = t.id
                   where %1$s)
                select %2$s from t join org_unit u on u.id = t.id where %3$s order by t.depth, u.code
                """.formatted(LINK_ON, COLUMNS, UNIT_ON);
        return jdbc.sql(sql).param("id", unitId).param("day", day).query(UnitTreeQueries::view).list();
    }

    /** The ancestors of the unit on {@code day}, nearest first. */
    List<UnitView> ancestors(long unitId, LocalDate day) {
        String sql = """
                with recursive t (id, depth) as (
                  select u.id, 0 from org_unit u where u.id = :id
                  union all
                  select l.parent_id, t.depth + 1 from org_unit_parent l join t on l.unit_id = t.id where %1$s)
                select u.id, u.code, u.name, u.level,
                       (select l.parent_id from org_unit_parent l where l.unit_id = u.id and %1$s) as parent_id,
                       u.valid_from, u.valid_to
                  from t join org_unit u on u.id = t.id where t.depth > 0 order by t.depth
                """.formatted(LINK_ON);
        return jdbc.sql(sql).param("id", unitId).param("day", day).query(UnitTreeQueries::view).list();
    }

    /** Units existing on {@code day} with no parent on that day. */
    List<UnitView> roots(LocalDate day) {
        String sql = """
                select u.id, u.code, u.name, u.level, cast(null as bigint) as parent_id, u.valid_from, u.valid_to
                  from org_unit u where %s
                   and not exists (select 1 from org_unit_parent l where l.unit_id = u.id and %s)
                 order by u.code
                """.formatted(UNIT_ON, LINK_ON);
        return jdbc.sql(sql).param("day", day).query(UnitTreeQueries::view).list();
    }

    private static UnitView view(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new UnitView(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("level"),
                parentId, rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
    }
}
