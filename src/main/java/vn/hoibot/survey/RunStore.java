package vn.hoibot.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Runs and their invitees. */
@Component
class RunStore {

    /** A member invited, with her unit at the time. */
    record Invitee(long memberId, long unitId) {
    }

    private static final String COLUMNS = "r.id, r.definition_id, r.kind, r.unit_id, r.audience, r.audience_spec, "
            + "r.created_by, r.activity_id, r.opens_at, r.closes_at, r.status";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RunStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    long create(long definitionId, SurveyKind kind, long unitId, String audience, String audienceSpec, long createdBy,
            Long activityId, Instant opensAt, Instant closesAt, List<Invitee> invitees, Instant now) {
        long id = jdbc.sql("""
                insert into survey_run (definition_id, kind, unit_id, audience, audience_spec, created_by, activity_id,
                  opens_at, closes_at, status, created_at)
                values (:d, :k, :u, :a, :s, :by, :act, :o, :c, 'OPEN', :now)""")
                .param("d", definitionId).param("k", kind.name()).param("u", unitId).param("a", audience)
                .param("s", audienceSpec).param("by", createdBy).param("act", activityId).param("o", utc(opensAt))
                .param("c", utc(closesAt)).param("now", utc(now)).update() > 0 ? lastRun(createdBy) : 0;
        List<Object[]> rows = new ArrayList<>();
        for (Invitee i : invitees) {
            rows.add(new Object[] { id, i.memberId(), i.unitId() });
            if (rows.size() == 1000) {
                template.batchUpdate("insert into survey_invitee (run_id, member_id, unit_id) values (?, ?, ?)", rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("insert into survey_invitee (run_id, member_id, unit_id) values (?, ?, ?)", rows);
        }
        return id;
    }

    private long lastRun(long createdBy) {
        return jdbc.sql("select max(id) from survey_run where created_by = :by").param("by", createdBy)
                .query(Long.class).single();
    }

    Optional<SurveyRun> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from survey_run r where r.id = :id").param("id", id)
                .query(RunStore::run).optional();
    }

    /** The runs she is invited to that are open now, soonest closing first. */
    List<SurveyRun> openFor(long memberId, Instant now) {
        return jdbc.sql("select " + COLUMNS + """
                 from survey_run r join survey_invitee i on i.run_id = r.id
                where i.member_id = :m and r.status = 'OPEN' and r.opens_at <= :now and r.closes_at > :now
                order by r.closes_at, r.id""").param("m", memberId).param("now", utc(now))
                .query(RunStore::run).list();
    }

    boolean invited(long runId, long memberId) {
        return jdbc.sql("select count(*) from survey_invitee where run_id = :r and member_id = :m")
                .param("r", runId).param("m", memberId).query(Long.class).single() > 0;
    }

    /** Runs launched for a unit inside the subtree of {@code unitId} today, newest first. */
    List<SurveyRun> runsWithin(long unitId, java.time.LocalDate day, int limit) {
        return jdbc.sql("""
                with recursive t (id) as (
                  select u.id from org_unit u where u.id = :root
                  union all
                  select l.unit_id from org_unit_parent l join t on l.parent_id = t.id
                   where l.valid_from <= :day and (l.valid_to is null or l.valid_to > :day))
                """ + "select " + COLUMNS + " from survey_run r join t on t.id = r.unit_id order by r.created_at desc, r.id desc")
                .param("root", unitId).param("day", day).query(RunStore::run).list().stream().limit(limit).toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static SurveyRun run(ResultSet rs, int row) throws SQLException {
        long activity = rs.getLong("activity_id");
        Long activityId = rs.wasNull() ? null : activity;
        return new SurveyRun(rs.getLong("id"), rs.getLong("definition_id"), SurveyKind.valueOf(rs.getString("kind")),
                rs.getLong("unit_id"), rs.getString("audience"), rs.getString("audience_spec"),
                rs.getLong("created_by"), activityId, rs.getObject("opens_at", OffsetDateTime.class).toInstant(),
                rs.getObject("closes_at", OffsetDateTime.class).toInstant(),
                SurveyRun.Status.valueOf(rs.getString("status")));
    }
}
