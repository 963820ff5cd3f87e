package vn.hoibot.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.time.ServiceZone;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SurveyCoverage} in one SQL query each: a recursive walk of the unit tree as it stood on the day (dated
 * parent links and units), its members on that day (dated unit membership, active on that day: the latest dated
 * status change on or before it, else her status now), and whether each finished a
 * response to a run of the kind in the twelve months up to that day, by any way in.
 */
@Component
class SurveyCoverageQueries implements SurveyCoverage {

    private static final String ON_DAY = "%1$s.valid_from <= :day and (%1$s.valid_to is null or %1$s.valid_to > :day)";

    /** The subtree on the day; {@code anchor} is the unit of {@code :level} a unit lies in (itself included). */
    private static final String TREE = """
            with recursive tree (id, anchor) as (
              select u.id, case when u.level = :level then u.id else cast(null as bigint) end
                from org_unit u where u.id = :root and %1$s
              union all
              select c.id, coalesce(t.anchor, case when c.level = :level then c.id else cast(null as bigint) end)
                from org_unit_parent l join tree t on l.parent_id = t.id join org_unit c on c.id = l.unit_id
               where %2$s and %3$s
            )
            """.formatted(ON_DAY.formatted("u"), ON_DAY.formatted("l"), ON_DAY.formatted("c"));

    private static final String COVERED = """
            join member_unit mu on mu.unit_id = tree.id and %s
            join member m on m.id = mu.member_id
             and coalesce((select sc.status from member_status_change sc
                            where sc.member_id = m.id and sc.since <= :day
                            order by sc.since desc, sc.id desc limit 1), m.status) = 'ACTIVE'
            where exists (select 1 from survey_response r join survey_run run on run.id = r.run_id
                           where r.member_id = m.id and r.status = 'FINISHED' and run.kind = :kind
                             and r.finished_at >= :from and r.finished_at < :to)
            """.formatted(ON_DAY.formatted("mu"));

    private final JdbcClient jdbc;

    SurveyCoverageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> coveredMembersByUnit(long rootUnitId, String level, SurveyKind kind, LocalDate asOf) {
        Map<Long, Long> out = new HashMap<>();
        query(TREE + "select tree.anchor, count(distinct m.id) from tree " + COVERED
                + " and tree.anchor is not null group by tree.anchor", rootUnitId, level, kind, asOf)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    @Transactional(readOnly = true)
    public long coveredMembers(long unitId, SurveyKind kind, LocalDate asOf) {
        return query(TREE + "select count(distinct m.id) from tree " + COVERED, unitId, "", kind, asOf)
                .query(Long.class).single();
    }

    private JdbcClient.StatementSpec query(String sql, long root, String level, SurveyKind kind, LocalDate asOf) {
        Instant from = asOf.minusYears(1).plusDays(1).atStartOfDay(ServiceZone.VIETNAM).toInstant();
        Instant to = asOf.plusDays(1).atStartOfDay(ServiceZone.VIETNAM).toInstant();
        return jdbc.sql(sql).param("root", root).param("level", level).param("kind", kind.name())
                .param("day", asOf).param("from", from.atOffset(ZoneOffset.UTC)).param("to", to.atOffset(ZoneOffset.UTC));
    }
}
