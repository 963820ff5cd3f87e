package vn.hoibot.indicator;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicators' SQL, one aggregate query per family, over the dated tree (docs/indicators.md). Every query
 * starts from the same two common table expressions: {@code tree}, U's subtree on {@code :day} with each unit's
 * commune unit and branch, and {@code succ}, where a unit that was merged (or split) on or before {@code :day}
 * went; {@code place} maps a record's unit to its row of {@code tree} after merges ({@code coalesce(succ.dst, unit)}).
 * Plain SQL for H2 and PostgreSQL.
 */
@Component
class IndicatorQueries {

    private static final String ON_DAY = "%1$s.valid_from <= :day and (%1$s.valid_to is null or %1$s.valid_to > :day)";

    private static final String WITH = """
            with recursive tree (id, level, commune_id, branch_id) as (
              select u.id, u.level,
                     case when u.level = :commune then u.id end,
                     case when u.level = :branch then u.id end
                from org_unit u where u.id = :root and %1$s
              union all
              select c.id, c.level,
                     coalesce(t.commune_id, case when c.level = :commune then c.id end),
                     coalesce(t.branch_id, case when c.level = :branch then c.id end)
                from tree t
                join org_unit_parent l on l.parent_id = t.id and %2$s
                join org_unit c on c.id = l.unit_id and %3$s
            ),
            edge (src, dst) as (
              select s.unit_id, d.unit_id from org_change c
                join org_change_unit s on s.change_id = c.id and s.part = 'SOURCE'
                join org_change_unit d on d.change_id = c.id and d.part = 'TARGET'
               where c.effective_date <= :day
                 and (c.change_type = 'MERGE' or (c.change_type = 'SPLIT' and d.unit_id =
                      (select min(d2.unit_id) from org_change_unit d2 where d2.change_id = c.id and d2.part = 'TARGET')))
            ),
            chain (src, dst, depth) as (
              select src, dst, 1 from edge
              union all
              select ch.src, e.dst, ch.depth + 1 from chain ch join edge e on e.src = ch.dst where ch.depth < 50
            ),
            succ (src, dst) as (
              select ch.src, ch.dst from chain ch where not exists (select 1 from edge e where e.src = ch.dst)
            ),
            place (unit_id, id, level, commune_id, branch_id) as (
              select s.src, t.id, t.level, t.commune_id, t.branch_id from succ s join tree t on t.id = s.dst
              union all
              select t.id, t.id, t.level, t.commune_id, t.branch_id from tree t
               where t.id not in (select s.src from succ s)
            )
            """.formatted(ON_DAY.formatted("u"), ON_DAY.formatted("l"), ON_DAY.formatted("c"));

    /**
     * A record's unit after merges placed in {@code tree}: {@code <alias>.unit_id} joined to {@code place} by a
     * plain column (a join on {@code coalesce(succ.dst, unit_id)} left PostgreSQL guessing its size, 20x too high).
     */
    private static String placed(String alias) {
        return " join place t on t.unit_id = " + alias + ".unit_id ";
    }

    /**
     * Her status on {@code :day}, as a join (not a per-member subquery): the latest dated change on or before it,
     * else (no history) her status now. {@code <alias>} is the member; adds {@code <alias>_st} to the from clause;
     * {@link #activeOnDay} is the condition.
     */
    static String statusJoin(String m) {
        return """
                 left join (select member_id, status from (
                     select sc.member_id, sc.status, row_number() over (partition by sc.member_id
                                                                         order by sc.since desc, sc.id desc) as rn
                       from member_status_change sc where sc.since <= :day) x where x.rn = 1) %1$s_st
                   on %1$s_st.member_id = %1$s.id
                """.formatted(m);
    }

    /**
     * Active on {@code :day}: her latest change on or before it says so, or she has no history and her status now
     * does (a member whose history starts after the day is not counted). Written as an OR over a plain column and an
     * uncorrelated NOT IN rather than a CASE over outer-joined columns: PostgreSQL estimated the CASE at 0.5% of the
     * members, which turned the joins after it into per-member nested loops at province size.
     */
    static String activeOnDay(String m) {
        return (" ((%1$s.status = 'ACTIVE' and %1$s.id not in (select sd.member_id from member_status_change sd))"
                + " or %1$s_st.status = 'ACTIVE') ").formatted(m);
    }

    private static final String CURRENT = " and %s.superseded_by is null ";

    private final JdbcClient jdbc;

    IndicatorQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The question's parameters. {@code day} is the day the figures stand on; instants bound the days. */
    record Ask(long root, LocalDate from, LocalDate day, Instant fromStart, Instant dayEnd, Instant knownStart,
            String commune, String branch) {
    }

    record Unit(long id, String code, String name, String level) {
    }

    record Members(long members, long pioneers, long newMembers, long recruited, long known) {
        static final Members NONE = new Members(0, 0, 0, 0, 0);
    }

    record Heads(long heads, long partyMembers, long i4Denominator, long i4Numerator, long allowance) {
        static final Heads NONE = new Heads(0, 0, 0, 0, 0);
    }

    record Records(boolean pairing, boolean resource, boolean model, boolean proposal) {
        static final Records NONE = new Records(false, false, false, false);
    }

    /** A half-open instant range with an index (a month, or a year's I5 window). */
    record Slot(int key, Instant start, Instant end) {
    }

    Optional<Unit> root(long unitId, LocalDate day) {
        return jdbc.sql("select u.id, u.code, u.name, u.level from org_unit u where u.id = :id and "
                + ON_DAY.formatted("u")).param("id", unitId).param("day", day)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    List<Unit> communes(Ask ask) {
        return bind(jdbc.sql(WITH + """
                select u.id, u.code, u.name, u.level from tree t join org_unit u on u.id = t.id
                 where t.level = :commune order by u.code
                """), ask)
                .query((rs, n) -> new Unit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Branches on {@code day} per commune unit. */
    Map<Long, Long> branches(Ask ask) {
        return longs(bind(jdbc.sql(WITH + """
                select t.commune_id, count(*) from tree t
                 where t.level = :branch and t.commune_id is not null group by t.commune_id
                """), ask));
    }

    /**
     * Members on {@code day} per commune unit (key {@code null}: members of U's subtree outside any commune). Who
     * attended a held activity in the 12 months up to {@code day} is a semi-join of those members to the attendance
     * marks (PostgreSQL hashes the marks in batches), not a DISTINCT over every mark in the database: that hash
     * aggregate spilled past work_mem at province size and its batches grew super-linearly (2,000 s at 1,000,000
     * members), nor a probe member by member.
     */
    Map<Long, Members> members(Ask ask) {
        String sql = WITH + """
                , mt (member_id, commune_id, pioneer, fresh, recruited) as (
                  select m.id, t.commune_id,
                         case when m.pioneer then 1 else 0 end,
                         case when m.join_date >= :from and m.join_date <= :day then 1 else 0 end,
                         case when m.join_date >= :from and m.join_date <= :day
                                   and m.recruited_by_member_id is not null then 1 else 0 end
                    from member_unit mu join tree t on t.id = mu.unit_id join member m on m.id = mu.member_id
                    %s
                   where %s and %s
                )
                select commune_id, sum(n), sum(p), sum(f), sum(r), sum(k) from (
                  select commune_id, count(*) as n, sum(pioneer) as p, sum(fresh) as f, sum(recruited) as r,
                         0 as k
                    from mt group by commune_id
                  union all
                  select mt.commune_id, 0, 0, 0, 0, count(*) from mt where exists (
                    select 1 from participation p join activity a on a.id = p.activity_id
                     where p.member_id = mt.member_id and p.present and p.superseded_by is null
                       and a.status <> 'CANCELLED' and a.starts_at >= :knownStart and a.starts_at < :dayEnd)
                   group by mt.commune_id
                ) x group by commune_id
                """.formatted(statusJoin("m"), ON_DAY.formatted("mu"), activeOnDay("m"));
        Map<Long, Members> out = new HashMap<>();
        bind(jdbc.sql(sql), ask).query(rs -> {
            long key = rs.getLong(1);
            out.put(rs.wasNull() ? null : key,
                    new Members(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        });
        return out;
    }

    /** Branch-months with a held activity per commune unit, over the given months. */
    Map<Long, Long> filledBranchMonths(Ask ask, List<Slot> months) {
        if (months.isEmpty()) {
            return Map.of();
        }
        String sql = WITH + ", " + slots("months", months) + """
                select tb.commune_id, count(*) from (
                  select distinct t.branch_id, mo.k from activity a %s
                    join months mo on a.starts_at >= mo.s and a.starts_at < mo.e
                   where a.status <> 'CANCELLED' and t.branch_id is not null
                     and a.starts_at >= :fromStart and a.starts_at < :dayEnd
                ) f join tree tb on tb.id = f.branch_id
                 where tb.commune_id is not null group by tb.commune_id
                """.formatted(placed("a"));
        return longs(bindSlots(bind(jdbc.sql(sql), ask), "months", months));
    }

    /** Branches on {@code day} without a held activity in the period (after merges, as C2 counts them). */
    List<IdleBranch> idleBranches(Ask ask) {
        String sql = WITH + """
                select u.id, u.code, u.name, t.commune_id from tree t join org_unit u on u.id = t.id
                 where t.level = :branch and not exists (
                   select 1 from activity a join place t2 on t2.unit_id = a.unit_id
                    where t2.branch_id = t.id and a.status <> 'CANCELLED'
                      and a.starts_at >= :fromStart and a.starts_at < :dayEnd)
                 order by u.code
                """;
        return bind(jdbc.sql(sql), ask).query((rs, n) -> {
            long commune = rs.getLong(4);
            return new IdleBranch(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : commune);
        }).list();
    }

    /** Per commune unit: a pairing, a resource, an effective model overlapping the period; a proposal dated in it. */
    Map<Long, Records> records(Ask ask) {
        String overlap = " and %1$s.starts_on <= :day and (%1$s.ends_on is null or %1$s.ends_on >= :from) ";
        String sql = WITH + """
                select t.commune_id, 'P' from ind_pairing r %1$s where t.commune_id is not null %2$s %3$s
                union
                select t.commune_id, 'P' from member m
                  join member_unit r on r.member_id = m.id and r.valid_from <= m.join_date
                   and (r.valid_to is null or r.valid_to > m.join_date) %1$s
                 where t.commune_id is not null and m.recruited_by_member_id is not null
                   and m.join_date >= :from and m.join_date <= :day
                union
                select t.commune_id, 'R' from ind_resource r %1$s where t.commune_id is not null %2$s %3$s
                union
                select t.commune_id, 'M' from ind_model r %1$s where t.commune_id is not null and r.effective %2$s %3$s
                union
                select t.commune_id, 'G' from ind_proposal r %1$s where t.commune_id is not null %2$s
                   and r.proposed_on >= :from and r.proposed_on <= :day
                """.formatted(placed("r"), CURRENT.formatted("r"), overlap.formatted("r"));
        Map<Long, Records> out = new HashMap<>();
        bind(jdbc.sql(sql), ask).query(rs -> {
            long unit = rs.getLong(1);
            String k = rs.getString(2);
            Records r = out.getOrDefault(unit, Records.NONE);
            out.put(unit, new Records(r.pairing() || k.equals("P"), r.resource() || k.equals("R"),
                    r.model() || k.equals("M"), r.proposal() || k.equals("G")));
        });
        return out;
    }

    /** Branch heads on {@code day} per commune unit; key {@code null}: U's whole subtree, each head once. */
    Map<Long, Heads> heads(Ask ask, LocalDate termStart) {
        String admitted = "select 1 from ind_party_step x where x.member_id = m.id and x.superseded_by is null"
                + " and x.stage = 'ADMITTED' and x.step_on ";
        String sql = WITH + """
                , heads (member_id, commune_id, party, admitted_in_term, stepped, allowed) as (
                  select h.member_id, h.commune_id,
                         case when (m.party_member and not exists (%1$s > :day)) or exists (%1$s <= :day)
                              then 1 else 0 end,
                         case when exists (%1$s >= :termStart and x.step_on <= :day) then 1 else 0 end,
                         case when exists (select 1 from ind_party_step x where x.member_id = m.id
                                  and x.superseded_by is null and x.step_on >= :termStart and x.step_on <= :day)
                              then 1 else 0 end,
                         case when exists (select 1 from ind_allowance w where w.member_id = m.id
                                  and w.superseded_by is null and w.starts_on <= :day
                                  and (w.ends_on is null or w.ends_on >= :day)) then 1 else 0 end
                    from (select distinct ra.member_id, t.commune_id from role_assignment ra
                            join tree t on t.id = ra.unit_id
                           where ra.role = 'BRANCH_HEAD' and %2$s) h
                    join member m on m.id = h.member_id
                    %4$s
                   where %5$s
                     and exists (select 1 from member_unit mu where mu.member_id = m.id and %3$s)
                )
                select commune_id, count(*), sum(party),
                       sum(case when party = 0 or admitted_in_term = 1 then 1 else 0 end),
                       sum(case when (party = 0 or admitted_in_term = 1) and stepped = 1 then 1 else 0 end),
                       sum(allowed)
                  from heads where commune_id is not null group by commune_id
                union all
                select cast(null as bigint), count(*), sum(party),
                       sum(case when party = 0 or admitted_in_term = 1 then 1 else 0 end),
                       sum(case when (party = 0 or admitted_in_term = 1) and stepped = 1 then 1 else 0 end),
                       sum(allowed)
                  from (select distinct member_id, party, admitted_in_term, stepped, allowed from heads) d
                """.formatted(admitted, ON_DAY.formatted("ra"), ON_DAY.formatted("mu"), statusJoin("m"),
                activeOnDay("m"));
        Map<Long, Heads> out = new HashMap<>();
        bind(jdbc.sql(sql), ask).param("termStart", termStart).query(rs -> {
            long key = rs.getLong(1);
            out.put(rs.wasNull() ? null : key,
                    new Heads(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        });
        return out;
    }

    /** Per commune unit, its report for the reporting period that ends last on or before {@code day}. */
    Map<Long, UnitReportView> declared(Ask ask) {
        String sql = WITH + """
                select commune_id, period_from, period_to, runs_one_plus_one, runs_three_three, submitted_at from (
                  select t.commune_id, r.period_from, r.period_to, r.runs_one_plus_one, r.runs_three_three,
                         r.submitted_at, row_number() over (partition by t.commune_id
                                                            order by r.period_to desc, r.submitted_at desc) as rn
                    from ind_unit_report r %1$s
                   where t.level = :commune and r.period_to <= :day %2$s
                ) x where rn = 1
                """.formatted(placed("r"), CURRENT.formatted("r"));
        Map<Long, UnitReportView> out = new HashMap<>();
        bind(jdbc.sql(sql), ask).query(rs -> {
            out.put(rs.getLong(1), new UnitReportView(rs.getObject(2, LocalDate.class),
                    rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getBoolean(5), instant(rs.getObject(6))));
        });
        return out;
    }

    /** Per commune unit, the first submission of a report for exactly [periodFrom, periodTo]. */
    Map<Long, Instant> submitted(Ask ask, LocalDate periodFrom, LocalDate periodTo) {
        String sql = WITH + """
                select t.commune_id, min(r.submitted_at) from ind_unit_report r %s
                 where t.level = :commune and r.period_from = :periodFrom and r.period_to = :periodTo
                 group by t.commune_id
                """.formatted(placed("r"));
        Map<Long, Instant> out = new HashMap<>();
        bind(jdbc.sql(sql), ask).param("periodFrom", periodFrom).param("periodTo", periodTo)
                .query(rs -> {
                    out.put(rs.getLong(1), instant(rs.getObject(2)));
                });
        return out;
    }

    /** I5: knowledge activities with a partner per commune unit and window year. */
    Map<Long, Map<Integer, Long>> knowledgeActivities(Ask ask, List<String> types, List<Slot> windows) {
        if (windows.isEmpty()) {
            return Map.of();
        }
        String sql = WITH + ", " + slots("windows", windows) + """
                select t.commune_id, w.k, count(*) from activity a %s
                  join windows w on a.starts_at >= w.s and a.starts_at < w.e
                 where a.status <> 'CANCELLED' and t.commune_id is not null and a.type_code in (:types)
                   and a.partners is not null and trim(a.partners) <> ''
                 group by t.commune_id, w.k
                """.formatted(placed("a"));
        Map<Long, Map<Integer, Long>> out = new HashMap<>();
        bindSlots(bind(jdbc.sql(sql), ask), "windows", windows).param("types", types).query(rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).merge(rs.getInt(2), rs.getLong(3), Long::sum);
        });
        return out;
    }

    /** Present marks and invitations over the activities held in the period in U's subtree: {present, invited}. */
    long[] attendance(Ask ask) {
        // the activities joined in each count, not a shared CTE of them: PostgreSQL materialises a CTE used twice
        // and, not knowing its ids are unique, hashed all the attendance marks against it
        String held = " join activity a on a.id = %1$s.activity_id " + placed("a")
                + " where a.status <> 'CANCELLED' and a.starts_at >= :fromStart and a.starts_at < :dayEnd ";
        String sql = WITH + """
                select (select count(*) from participation p %1$s and p.present and p.superseded_by is null),
                       (select count(*) from (
                          select n.activity_id, n.member_id from activity_notified n %2$s
                          union
                          select p.activity_id, p.member_id from participation p %1$s and p.superseded_by is null) i)
                """.formatted(held.formatted("p"), held.formatted("n"));
        return bind(jdbc.sql(sql), ask).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    private static String slots(String name, List<Slot> slots) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            rows.add("select %d as k, cast(:%s_s%d as timestamp with time zone) as s,"
                    .formatted(slots.get(i).key(), name, i)
                    + " cast(:%s_e%d as timestamp with time zone) as e".formatted(name, i));
        }
        return name + " (k, s, e) as (" + String.join(" union all ", rows) + ")\n";
    }

    private static JdbcClient.StatementSpec bindSlots(JdbcClient.StatementSpec spec, String name, List<Slot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            spec = spec.param(name + "_s" + i, odt(slots.get(i).start())).param(name + "_e" + i,
                    odt(slots.get(i).end()));
        }
        return spec;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Ask ask) {
        return spec.param("root", ask.root()).param("day", ask.day()).param("from", ask.from())
                .param("commune", ask.commune()).param("branch", ask.branch())
                .param("fromStart", odt(ask.fromStart())).param("dayEnd", odt(ask.dayEnd()))
                .param("knownStart", odt(ask.knownStart()));
    }

    private static Map<Long, Long> longs(JdbcClient.StatementSpec spec) {
        Map<Long, Long> out = new HashMap<>();
        spec.query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
