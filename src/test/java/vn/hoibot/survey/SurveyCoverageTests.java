package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coverage query against hand-counted figures: a branch moved between communes, a member who changed branch,
 * the twelve-month window's edges in Vietnam time, other kinds, unfinished and departed members, two runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class SurveyCoverageTests {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final LocalDate MOVED = LocalDate.of(2026, 6, 1);
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SurveyCoverage coverage;

    long province;
    long communeA;
    long communeB;
    long branchA1;
    long branchA2;
    long branchB1;
    long leader;
    long definition;

    @BeforeEach
    void tree() {
        String p = "COV" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
        province = unit(p, "province");
        communeA = unit(p + "-A", "commune");
        communeB = unit(p + "-B", "commune");
        branchA1 = unit(p + "-A1", "branch");
        branchA2 = unit(p + "-A2", "branch");
        branchB1 = unit(p + "-B1", "branch");
        link(communeA, province, START, null);
        link(communeB, province, START, null);
        link(branchA1, communeA, START, null);
        link(branchA2, communeA, START, MOVED);
        link(branchA2, communeB, MOVED, null);
        link(branchB1, communeB, START, null);
        leader = member("ACTIVE", branchA1, START, null);
        definition = jdbc.sql("""
                insert into survey_definition (form_id, version, kind, file_name, raw_form, stored_at)
                values (:f, '1', 'NEEDS', 'x.yml', '{}', current_timestamp)""").param("f", p).update() > 0
                ? jdbc.sql("select id from survey_definition where form_id = :f").param("f", p).query(Long.class).single()
                : 0;
    }

    @Test
    void countsMembersWhoFinishedASurveyOfTheKindInTheTwelveMonthsBefore() {
        long m1 = member("ACTIVE", branchA1, START, null);
        finished(m1, "NEEDS", at(2026, 3, 1, 9, 0));
        long m2 = member("ACTIVE", branchA1, START, null);
        finished(m2, "NEEDS", at(2025, 12, 1, 23, 30));
        long m3 = member("ACTIVE", branchA1, START, null);
        finished(m3, "NEEDS", at(2025, 12, 2, 0, 10));
        long m4 = member("ACTIVE", branchA1, START, null);
        finished(m4, "CIRCUMSTANCES", at(2026, 3, 1, 9, 0));
        long m5 = member("ACTIVE", branchA1, START, null);
        response(m5, "NEEDS", "IN_PROGRESS", null);
        long m6 = member("LEFT", branchA1, START, null);
        finished(m6, "NEEDS", at(2026, 3, 1, 9, 0));
        long m7 = member("ACTIVE", branchA2, START, null);
        finished(m7, "NEEDS", at(2026, 8, 1, 9, 0));
        long m8 = member("ACTIVE", branchA2, START, null);
        finished(m8, "NEEDS", at(2026, 4, 1, 9, 0));
        long m9 = member("ACTIVE", branchB1, START, null);
        finished(m9, "NEEDS", at(2026, 12, 1, 20, 0));
        long m10 = member("ACTIVE", branchB1, START, null);
        finished(m10, "NEEDS", at(2026, 12, 2, 0, 30));
        long m11 = member("ACTIVE", branchA1, START, LocalDate.of(2026, 10, 1));
        memberUnit(m11, branchB1, LocalDate.of(2026, 10, 1), null);
        finished(m11, "NEEDS", at(2026, 9, 1, 9, 0));
        long m12 = member("ACTIVE", branchA1, START, null);
        finished(m12, "NEEDS", at(2026, 2, 1, 9, 0));
        finished(m12, "NEEDS", at(2026, 7, 1, 9, 0));

        LocalDate dec = LocalDate.of(2026, 12, 1);
        assertThat(coverage.coveredMembersByUnit(province, "commune", SurveyKind.NEEDS, dec))
                .isEqualTo(Map.of(communeA, 3L, communeB, 4L));
        assertThat(coverage.coveredMembersByUnit(province, "branch", SurveyKind.NEEDS, dec))
                .isEqualTo(Map.of(branchA1, 3L, branchA2, 2L, branchB1, 2L));
        assertThat(coverage.coveredMembers(province, SurveyKind.NEEDS, dec)).isEqualTo(7);
        assertThat(coverage.coveredMembers(communeA, SurveyKind.NEEDS, dec)).isEqualTo(3);
        assertThat(coverage.coveredMembers(province, SurveyKind.CIRCUMSTANCES, dec)).isEqualTo(1);

        LocalDate may = LocalDate.of(2026, 5, 1);
        assertThat(coverage.coveredMembersByUnit(province, "commune", SurveyKind.NEEDS, may))
                .isEqualTo(Map.of(communeA, 5L));
        assertThat(coverage.coveredMembersByUnit(communeB, "commune", SurveyKind.NEEDS, dec))
                .isEqualTo(Map.of(communeB, 4L));
        assertThat(coverage.coveredMembers(branchB1, SurveyKind.NEEDS, LocalDate.of(2026, 12, 2))).isEqualTo(3);
    }

    @Test
    void countsMembersActiveOnTheAskedDayNotToday() {
        // left on 1 October 2026: active on 1 September, not on 1 December
        long left = member("LEFT", branchA1, START, null);
        statusChange(left, "ACTIVE", LocalDate.of(1900, 1, 1));
        statusChange(left, "LEFT", LocalDate.of(2026, 10, 1));
        finished(left, "NEEDS", at(2026, 3, 1, 9, 0));
        // came back on 1 November 2026: not active on 1 September, active on 1 December
        long back = member("ACTIVE", branchA1, START, null);
        statusChange(back, "LEFT", LocalDate.of(1900, 1, 1));
        statusChange(back, "ACTIVE", LocalDate.of(2026, 11, 1));
        finished(back, "NEEDS", at(2026, 11, 5, 9, 0));

        assertThat(coverage.coveredMembers(branchA1, SurveyKind.NEEDS, LocalDate.of(2026, 9, 1))).isEqualTo(1);
        assertThat(coverage.coveredMembers(branchA1, SurveyKind.NEEDS, LocalDate.of(2026, 12, 1))).isEqualTo(1);
        assertThat(coverage.coveredMembers(branchA1, SurveyKind.NEEDS, LocalDate.of(2026, 10, 15))).isZero();
        assertThat(coverage.coveredMembersByUnit(communeA, "branch", SurveyKind.NEEDS, LocalDate.of(2026, 9, 1)))
                .isEqualTo(Map.of(branchA1, 1L));
    }

    private void statusChange(long member, String status, LocalDate since) {
        jdbc.sql("""
                insert into member_status_change (member_id, status, since, recorded_at)
                values (:m, :s, :d, current_timestamp)""").param("m", member).param("s", status).param("d", since)
                .update();
    }

    private static OffsetDateTime at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(VN).toOffsetDateTime();
    }

    private long unit(String code, String level) {
        jdbc.sql("insert into org_unit (code, name, level, valid_from) values (:c, :c, :l, :f)")
                .param("c", code).param("l", level).param("f", START).update();
        return jdbc.sql("select id from org_unit where code = :c").param("c", code).query(Long.class).single();
    }

    private void link(long unit, long parent, LocalDate from, LocalDate to) {
        jdbc.sql("insert into org_unit_parent (unit_id, parent_id, valid_from, valid_to) values (:u, :p, :f, :t)")
                .param("u", unit).param("p", parent).param("f", from).param("t", to).update();
    }

    private long member(String status, long unit, LocalDate from, LocalDate to) {
        String name = "m" + SEQ.incrementAndGet() + "x" + System.nanoTime();
        jdbc.sql("""
                insert into member (full_name, name_key, party_member, pioneer, status)
                values (:n, :n, false, false, :s)""").param("n", name).param("s", status).update();
        long id = jdbc.sql("select id from member where full_name = :n").param("n", name).query(Long.class).single();
        memberUnit(id, unit, from, to);
        return id;
    }

    private void memberUnit(long member, long unit, LocalDate from, LocalDate to) {
        jdbc.sql("insert into member_unit (member_id, unit_id, valid_from, valid_to) values (:m, :u, :f, :t)")
                .param("m", member).param("u", unit).param("f", from).param("t", to).update();
    }

    private void finished(long member, String kind, OffsetDateTime at) {
        response(member, kind, "FINISHED", at);
    }

    private void response(long member, String kind, String status, OffsetDateTime finishedAt) {
        OffsetDateTime opens = OffsetDateTime.parse("2025-01-01T00:00:00Z");
        jdbc.sql("""
                insert into survey_run (definition_id, kind, unit_id, audience, audience_spec, created_by,
                  opens_at, closes_at, status, created_at)
                values (:d, :k, :u, 'all', 'u:1', :by, :o, :c, 'OPEN', :o)""")
                .param("d", definition).param("k", kind).param("u", province).param("by", leader).param("o", opens)
                .param("c", OffsetDateTime.parse("2027-01-01T00:00:00Z")).update();
        long run = jdbc.sql("select max(id) from survey_run").query(Long.class).single();
        jdbc.sql("""
                insert into survey_response (run_id, member_id, status, source, started_at, updated_at, finished_at)
                values (:r, :m, :s, 'SELF', :o, :o, :f)""")
                .param("r", run).param("m", member).param("s", status).param("o", opens).param("f", finishedAt)
                .update();
    }
}
