package vn.hoibot.org;

import vn.hoibot.time.Period;

/**
 * The unit tree as SQL for other modules to join to, so a subtree of any size is walked in the database and never
 * handed around as a list of ids. Plain SQL for H2 and PostgreSQL.
 */
public final class UnitTreeSql {

    private UnitTreeSql() {
    }

    /**
     * A derived table with one column {@code id}: the units under the roots (named parameter {@code :<roots>}, a
     * short collection such as an activity's audience units) and the roots themselves, as the tree stands on the
     * date parameter {@code :<day>}. Use it as {@code join (<this>) t on t.id = x.unit_id}.
     */
    public static String subtree(String rootsParam, String dayParam) {
        return """
                (with recursive sub_tree (id) as (
                   select u.id from org_unit u where u.id in (:%1$s) and %2$s
                   union all
                   select l.unit_id from org_unit_parent l join sub_tree s on l.parent_id = s.id
                     join org_unit c on c.id = l.unit_id
                    where %3$s and %4$s)
                 select distinct id from sub_tree)""".formatted(rootsParam, Period.sqlValidOn("u", dayParam),
                Period.sqlValidOn("l", dayParam), Period.sqlValidOn("c", dayParam));
    }
}
