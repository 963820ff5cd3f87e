package vn.hoibot.indicator;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;

/**
 * Not a unit test: generates a province on the machine's PostgreSQL (a fresh schema) with set-based inserts
 * (INSERT … SELECT over generate_series, in the server), then times a province-level computation of every indicator
 * for every commune unit (what /thongke tinh 6t-2026 runs: the period and the previous one) against the plain SQL
 * aggregates alone (the same counts over a flat branch → commune join, no dated tree, no merges), in one run.
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx1g -cp %classpath vn.hoibot.indicator.IndicatorBenchmark 1000000 150 6000 36"
 * </pre>
 *
 * Arguments: members, commune units, branches, months of meetings per branch (ending November 2026).
 */
public final class IndicatorBenchmark {

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int communes = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int branches = args.length > 2 ? Integer.parseInt(args[2]) : 6000;
        int months = args.length > 3 ? Integer.parseInt(args[3]) : 36;
        String schema = "bench_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(TestDatabaseEnvironment.POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute("create schema " + schema);
        }
        ConfigurableApplicationContext app = new SpringApplication(HoiBotApplication.class).run(
                "--spring.datasource.url=" + TestDatabaseEnvironment.POSTGRES_URL + "?currentSchema=" + schema,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema, "--spring.flyway.default-schema=" + schema,
                "--spring.quartz.auto-startup=false", "--hoibot.console.enabled=false", "--hoibot.demo.load=never",
                "--spring.main.web-application-type=none", "--logging.level.root=WARN",
                "--hoibot.test.keep-datasource=true");
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long t0 = System.nanoTime();
        Map<String, Long> steps = generate(jdbc, members, communes, branches, months);
        double generation = (System.nanoTime() - t0) / 1e9;
        steps.forEach((k, v) -> System.out.printf("generated %-14s %,12d rows%n", k, v));
        System.out.printf("generation: %.1f s%n", generation);

        IndicatorEngine engine = app.getBean(IndicatorEngine.class);
        ReportPeriods periods = app.getBean(ReportPeriods.class);
        long province = jdbc.sql("select id from org_unit where code = 'BP'").query(Long.class).single();
        ReportPeriod half = periods.parse("6t-2026");
        ReportPeriod before = periods.previous(half).orElseThrow();
        for (int run = 1; run <= 3; run++) {
            long a = System.nanoTime();
            IndicatorReport report = engine.compute(province, half);
            engine.compute(province, before);
            double thongke = (System.nanoTime() - a) / 1e9;
            long b = System.nanoTime();
            long checksum = plainAggregates(jdbc);
            double plain = (System.nanoTime() - b) / 1e9;
            System.out.printf("run %d: province /thongke (6t-2026 and 6t2-2025, %d commune units) %.2f s; "
                    + "plain SQL aggregates (both periods) %.2f s; ratio %.2f; I2 %s, E_C4 %s, checksum %d%n", run,
                    report.communes().size(), thongke, 2 * plain, thongke / (2 * plain),
                    report.indicator("I2").orElseThrow().numerator(),
                    report.indicator("E_C4").orElseThrow().numerator(), checksum);
        }
        app.close();
        try (Connection c = DriverManager.getConnection(TestDatabaseEnvironment.POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute("drop schema " + schema + " cascade");
        }
    }

    private static Map<String, Long> generate(JdbcClient jdbc, int members, int communes, int branches, int months) {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("units", (long) jdbc.sql("""
                insert into org_unit (code, name, level, valid_from)
                select 'BP', 'Tỉnh Thử', 'province', date '2020-01-01'
                union all select 'BC' || g, 'Xã ' || g, 'commune', date '2020-01-01' from generate_series(1, :c) g
                union all select 'BB' || g, 'Chi hội ' || g, 'branch', date '2020-01-01' from generate_series(1, :b) g
                """).param("c", communes).param("b", branches).update());
        rows.put("links", (long) jdbc.sql("""
                insert into org_unit_parent (unit_id, parent_id, valid_from)
                select u.id, p.id, date '2020-01-01' from org_unit u join org_unit p on p.code = case
                  when u.level = 'commune' then 'BP'
                  else 'BC' || ((cast(substr(u.code, 3) as int) - 1) %% :c + 1) end
                 where u.level in ('commune', 'branch')
                """.replace("%%", "%")).param("c", communes).update());
        rows.put("members", (long) jdbc.sql("""
                insert into member (full_name, name_key, party_member, pioneer, status, join_date)
                select 'Hội viên ' || g, 'hoi vien ' || g, g % 5 = 0, g % 40 = 0, 'ACTIVE',
                       date '2016-01-01' + (g % 3800) from generate_series(1, :m) g
                """).param("m", members).update());
        rows.put("memberships", (long) jdbc.sql("""
                insert into member_unit (member_id, unit_id, valid_from)
                select m.id, b.id, date '2020-01-01' from member m
                  join org_unit b on b.code = 'BB' || (m.id % :b + 1)
                """).param("b", branches).update());
        rows.put("branch heads", (long) jdbc.sql("""
                insert into role_assignment (member_id, role, unit_id, valid_from)
                select min(member_id), 'BRANCH_HEAD', unit_id, date '2020-01-01' from member_unit group by unit_id
                """).update());
        rows.put("activities", (long) jdbc.sql("""
                insert into activity (unit_id, type_code, title, starts_at, ends_at, partners, audience_kind, status,
                                      checkin_code, created_at)
                select b.id, case when k % 12 in (2, 9) then 'knowledge' else 'monthly' end, 'Sinh hoạt',
                       (date '2026-11-10' - make_interval(months => k) + time '19:00') at time zone 'Asia/Ho_Chi_Minh',
                       (date '2026-11-10' - make_interval(months => k) + time '21:00') at time zone 'Asia/Ho_Chi_Minh',
                       case when k % 12 in (2, 9) then 'Trạm y tế' end, 'SUBTREE',
                       case when (b.id + k) % 23 = 0 then 'CANCELLED' else 'SCHEDULED' end, '1234', now()
                  from org_unit b cross join generate_series(0, :n - 1) k where b.level = 'branch'
                """).param("n", months).update());
        rows.put("participation", (long) jdbc.sql("""
                insert into participation (activity_id, member_id, present, method, recorded_at)
                select a.id, mu.member_id, true, 'LEADER', a.starts_at
                  from activity a join member_unit mu on mu.unit_id = a.unit_id
                 where a.status <> 'CANCELLED' and (mu.member_id + a.id) % 5 < 2
                """).update());
        rows.put("records", (long) jdbc.sql("""
                insert into ind_pairing (kind, unit_id, starts_on, ends_on, recorded_at)
                select 'BRANCH', b.id, date '2025-01-01', case when b.id % 3 = 0 then date '2025-12-31' end, now()
                  from org_unit b where b.level = 'branch' and b.id % 20 = 0
                """).update() + jdbc.sql("""
                insert into ind_resource (unit_id, kind, starts_on, recorded_at)
                select c.id, 'FUND', date '2024-01-01', now() from org_unit c where c.level = 'commune' and c.id % 4 > 0
                """).update() + jdbc.sql("""
                insert into ind_model (unit_id, name, target_group, starts_on, effective, recorded_at)
                select c.id, 'Mô hình', 'Phụ nữ có đạo', date '2024-01-01', c.id % 3 > 0, now()
                  from org_unit c where c.level = 'commune'
                """).update() + jdbc.sql("""
                insert into ind_allowance (member_id, starts_on, recorded_at)
                select member_id, date '2024-01-01', now() from role_assignment where unit_id % 2 = 0
                """).update() + jdbc.sql("""
                insert into ind_unit_report (unit_id, period_from, period_to, runs_one_plus_one, runs_three_three,
                                             submitted_at)
                select c.id, date '2026-01-01', date '2026-06-30', true, c.id % 2 = 0, timestamptz '2026-07-10 10:00+07'
                  from org_unit c where c.level = 'commune' and c.id % 5 > 0
                """).update());
        jdbc.sql("analyze").update();
        return rows;
    }

    /**
     * The plain aggregates for 6t-2026 over a flat branch → commune join (no recursive tree, no dated links, no
     * merges): members, pioneers and members seen in 12 months per commune; branch-months with a held activity;
     * branch heads with an allowance. Returns a checksum so nothing is optimised away.
     */
    private static long plainAggregates(JdbcClient jdbc) {
        long sum = 0;
        sum += jdbc.sql("""
                select coalesce(sum(n + p + k), 0) from (
                  select l.parent_id, count(*) n, sum(case when m.pioneer then 1 else 0 end) p,
                         sum(case when exists (select 1 from participation x join activity a on a.id = x.activity_id
                               where x.member_id = m.id and x.present and a.status <> 'CANCELLED'
                                 and a.starts_at >= timestamptz '2025-07-01 00:00+07'
                                 and a.starts_at < timestamptz '2026-07-01 00:00+07') then 1 else 0 end) k
                    from member m join member_unit mu on mu.member_id = m.id join org_unit_parent l on l.unit_id = mu.unit_id
                   group by l.parent_id) s
                """).query(Long.class).single();
        sum += jdbc.sql("""
                select count(*) from (select distinct a.unit_id, date_trunc('month', a.starts_at at time zone 'Asia/Ho_Chi_Minh')
                  from activity a where a.status <> 'CANCELLED' and a.starts_at >= timestamptz '2026-01-01 00:00+07'
                   and a.starts_at < timestamptz '2026-07-01 00:00+07') f
                """).query(Long.class).single();
        sum += jdbc.sql("""
                select count(*) from role_assignment r join ind_allowance w on w.member_id = r.member_id
                 where r.role = 'BRANCH_HEAD'
                """).query(Long.class).single();
        return sum;
    }
}
