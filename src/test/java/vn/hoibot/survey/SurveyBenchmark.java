package vn.hoibot.survey;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.access.Actor;
import vn.hoibot.indicator.IndicatorBenchmark;
import vn.hoibot.report.ReportBenchmark;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * Not a unit test: the results of a province-wide run of 200,000 finished responses to the needs survey (12 answers
 * each, 2,400,000 answer rows) on PostgreSQL: what /ketqua computes (progress of the province and each commune, the
 * figures of every question) and the XLSX and CSV exports (streamed into a counting sink), with the time and the heap
 * peak of each. Run it with {@code -Xmx256m}, the target's heap:
 *
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -cp %classpath vn.hoibot.survey.SurveyBenchmark"
 * </pre>
 *
 * It generates the data set-based in a fresh schema and drops the schema at the end ({@code -Dbench.keep=true}
 * leaves it; {@code -Dbench.schema=…} reuses one). Answering throughput through the chat core is not measured here.
 */
public final class SurveyBenchmark {

    private static final int MEMBERS = 200_000;
    private static final int COMMUNES = 20;
    private static final int BRANCHES = 400;

    private SurveyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String reuse = System.getProperty("bench.schema");
        String schema = reuse != null ? reuse : "sbench_" + System.currentTimeMillis();
        if (reuse == null) {
            execute("create schema " + schema);
        }
        ConfigurableApplicationContext app = IndicatorBenchmark.open(schema);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long start = System.nanoTime();
            long run = reuse == null ? generate(app, jdbc)
                    : jdbc.sql("select max(id) from survey_run").query(Long.class).single();
            System.out.printf("data: %.1f s (%,d responses, %,d answers)%n", (System.nanoTime() - start) / 1e9,
                    jdbc.sql("select count(*) from survey_response").query(Long.class).single(),
                    jdbc.sql("select count(*) from survey_answer").query(Long.class).single());
            SurveyResults results = app.getBean(SurveyResults.class);
            ExportSheets sheets = app.getBean(ExportSheets.class);
            SurveyRun surveyRun = app.getBean(RunStore.class).find(run).orElseThrow();
            SurveyForm form = app.getBean(DefinitionStore.class).form(surveyRun.definitionId());
            long province = surveyRun.unitId();
            LocalDate today = ServiceZone.today(java.time.Clock.systemUTC());
            ResultsAccess.View view = new ResultsAccess.View(new Actor(null, true, List.of()), surveyRun, province,
                    false, false);
            Locale vi = Locale.forLanguageTag("vi");
            System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            for (int i = 1; i <= 3; i++) {
                ReportBenchmark.measure(i, "/ketqua (province)", () -> results.progressByChild(run, province, today)
                        .size() + results.figures(run, form, province, today).size());
                ReportBenchmark.measure(i, "export xlsx", () -> write(sheets, ResultsExport.Format.XLSX, view, form, today, vi));
                ReportBenchmark.measure(i, "export csv", () -> write(sheets, ResultsExport.Format.CSV, view, form, today, vi));
            }
        } finally {
            app.close();
        }
        if (reuse == null && !Boolean.getBoolean("bench.keep")) {
            execute("drop schema " + schema + " cascade");
        }
    }

    private static long write(ExportSheets sheets, ResultsExport.Format format, ResultsAccess.View view,
            SurveyForm form, LocalDate today, Locale locale) {
        long[] bytes = new long[1];
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        sheets.write(sink, format, view, form, today, locale);
        return bytes[0];
    }

    /** A province of 20 communes and 400 branches, 200,000 members, one run, all finished with 12 answers. */
    private static long generate(ConfigurableApplicationContext app, JdbcClient jdbc) {
        LocalDate from = LocalDate.of(2020, 1, 1);
        jdbc.sql("insert into org_unit (code, name, level, valid_from) values ('SP', 'Tỉnh', 'province', :f)")
                .param("f", from).update();
        jdbc.sql("""
                insert into org_unit (code, name, level, valid_from)
                select 'SC' || g, 'Xã ' || g, 'commune', :f from generate_series(1, :n) g""").param("f", from)
                .param("n", COMMUNES).update();
        jdbc.sql("""
                insert into org_unit (code, name, level, valid_from)
                select 'SB' || g, 'Chi hội ' || g, 'branch', :f from generate_series(1, :n) g""").param("f", from)
                .param("n", BRANCHES).update();
        jdbc.sql("""
                insert into org_unit_parent (unit_id, parent_id, valid_from)
                select c.id, p.id, :f from org_unit c, org_unit p where c.level = 'commune' and p.code = 'SP'""")
                .param("f", from).update();
        jdbc.sql("""
                insert into org_unit_parent (unit_id, parent_id, valid_from)
                select b.id, c.id, :f from org_unit b join org_unit c
                  on c.code = 'SC' || (1 + cast(substring(b.code from 3) as int) % :n) where b.level = 'branch'""")
                .param("f", from).param("n", COMMUNES).update();
        jdbc.sql("""
                insert into member (full_name, name_key, party_member, pioneer, status)
                select 'Hội viên ' || g, 'hoi vien ' || g, false, false, 'ACTIVE' from generate_series(1, :n) g""")
                .param("n", MEMBERS).update();
        jdbc.sql("""
                insert into member_unit (member_id, unit_id, valid_from)
                select m.id, b.id, :f from member m join org_unit b
                  on b.code = 'SB' || (1 + m.id % :n)""").param("f", from).param("n", BRANCHES).update();
        SurveyCatalog catalog = app.getBean(SurveyCatalog.class);
        SurveyForm form = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        long definition = app.getBean(DefinitionStore.class).store(form, catalog.raw("nhu_cau_hoi_vien"));
        long province = jdbc.sql("select id from org_unit where code = 'SP'").query(Long.class).single();
        long creator = jdbc.sql("select min(id) from member").query(Long.class).single();
        Instant now = Instant.now();
        long run = app.getBean(RunStore.class).create(definition, form.kind(), province, "Tỉnh", "u:" + province,
                creator, null, now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(10)), List.of(), now);
        jdbc.sql("""
                insert into survey_invitee (run_id, member_id, unit_id)
                select :r, member_id, unit_id from member_unit""").param("r", run).update();
        jdbc.sql("""
                insert into survey_response (run_id, member_id, status, source, started_at, updated_at, finished_at)
                select :r, member_id, 'FINISHED', 'SELF', :t, :t, :t from survey_invitee where run_id = :r""")
                .param("r", run).param("t", now.atOffset(java.time.ZoneOffset.UTC)).update();
        String[][] answers = {
                { "can_ho_tro", "(array['viec_lam vay_von', 'suc_khoe', 'so_hoa gia_dinh', 'chua_can'])[1 + r.id % 4]" },
                { "hoc_nghe", "(array['may', 'che_bien', 'lam_dep', 'trong_trot', 'ban_hang'])[1 + r.id % 5]" },
                { "so_tien_vay", "cast(1 + r.id % 100 as varchar)" },
                { "muc_dich_vay", "(array['chan_nuoi', 'trong_trot', 'buon_ban'])[1 + r.id % 3]" },
                { "suc_khoe", "(array['kham_dinh_ky', 'sinh_san dinh_duong', 'bao_hiem'])[1 + r.id % 3]" },
                { "dung_dien_thoai", "(array['thanh_thao', 'biet_it', 'chua_dung'])[1 + r.id % 3]" },
                { "can_them", "case when r.id % 10 = 0 then 'Cần thêm lớp học nghề gần nhà' else '' end" },
                { "hinh_thuc", "(array['hop_chi_hoi tap_huan', 'tham_quan', 'van_nghe nhom_mang'])[1 + r.id % 3]" },
                { "ngay_hop", "(array['ngay_thuong', 'thu_bay', 'chu_nhat'])[1 + r.id % 3]" },
                { "gio_hop", "(array['sang', 'chieu', 'toi'])[1 + r.id % 3]" },
                { "so_buoi", "cast(1 + r.id % 4 as varchar)" },
                { "giup_chi_em", "(array['co', 'khong'])[1 + r.id % 2]" } };
        for (String[] a : answers) {
            jdbc.sql("insert into survey_answer (response_id, question, answer_value, answered_at) select r.id, '"
                    + a[0] + "', " + a[1] + ", r.finished_at from survey_response r where r.run_id = :r")
                    .param("r", run).update();
        }
        jdbc.sql("analyze").update();
        return run;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(TestDatabaseEnvironment.POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute(sql);
        }
    }
}
