package vn.hoibot.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.indicator.IndicatorBenchmark;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;

/**
 * Not a unit test: a province-level /baocao and /bieudo on the indicator benchmark's generated province (PostgreSQL),
 * what the commands compute once the update has committed: the engine's report and the workbook; the engine's report
 * and the targets chart; with an indicator, the ranking pictures and the trend (the engine once per period of the
 * trend). Prints the time and the heap peak of each; run it with {@code -Xmx256m}, the target's heap.
 *
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -Dbench.schema=bench_… -cp %classpath vn.hoibot.report.ReportBenchmark"
 * </pre>
 *
 * Without {@code -Dbench.schema} it generates a province first (as IndicatorBenchmark does, 1,000,000 members) in a
 * fresh schema and drops it at the end; with it, it reuses that schema and leaves it.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String reuse = System.getProperty("bench.schema");
        String schema = reuse != null ? reuse : "bench_" + System.currentTimeMillis();
        if (reuse == null) {
            try (Connection c = DriverManager.getConnection(TestDatabaseEnvironment.POSTGRES_URL, "postgres", "")) {
                c.createStatement().execute("create schema " + schema);
            }
        }
        ConfigurableApplicationContext app = IndicatorBenchmark.open(schema);
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (reuse == null) {
                IndicatorBenchmark.generate(jdbc, 1_000_000, 150, 6000, 36);
            }
            jdbc.sql("analyze").update();
            IndicatorEngine engine = app.getBean(IndicatorEngine.class);
            ReportWorkbook workbook = app.getBean(ReportWorkbook.class);
            Charts charts = app.getBean(Charts.class);
            Trends trends = app.getBean(Trends.class);
            ReportPeriods periods = app.getBean(ReportPeriods.class);
            long province = jdbc.sql("select id from org_unit where code = 'BP'").query(Long.class).single();
            ReportPeriod half = periods.parse("6t-2026");
            Locale vi = Locale.forLanguageTag("vi");
            System.out.printf("max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
            for (int run = 1; run <= 3; run++) {
                measure(run, "/baocao tinh 6t-2026", () -> workbook.xlsx(engine.compute(province, half)).length);
                measure(run, "/bieudo tinh 6t-2026", () -> charts.targets(engine.compute(province, half), vi)
                        .map(p -> (long) p.png().length).orElse(0L));
                measure(run, "/bieudo tinh 6t-2026 I2", () -> {
                    IndicatorReport report = engine.compute(province, half);
                    List<Picture> ranking = charts.ranking(report, "I2", vi);
                    long bytes = ranking.stream().mapToLong(p -> p.png().length).sum();
                    return bytes + charts.trend(trends.reports(province, half, report), "I2", vi)
                            .map(p -> (long) p.png().length).orElse(0L);
                });
            }
        } finally {
            app.close();
        }
        if (reuse == null) {
            try (Connection c = DriverManager.getConnection(TestDatabaseEnvironment.POSTGRES_URL, "postgres", "")) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
        }
    }

    /**
     * Times one command's work (the survey benchmark's too); the heap peak is the sum of the heap pools' peaks since
     * a reset (an upper bound).
     */
    public static void measure(int run, String what, LongSupplier work) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long bytes = work.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("run %d: %-24s %6.2f s, heap peak %4d MB, %,d bytes out%n", run, what, seconds, peak >> 20,
                bytes);
    }
}
