package vn.hoibot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded default keeps every commit: a child JVM commits a row on the very URL application.yml gives and
 * is killed at once (Runtime.halt, as hard as kill -9 for what the JVM holds); the row is there afterwards.
 * With H2's default write delay the commit sat in memory and was lost.
 */
class EmbeddedDurabilityTests {

    /** The child: commits one row, then dies without any shutdown. */
    public static final class CommitThenDie {
        public static void main(String[] args) throws Exception {
            Connection c = DriverManager.getConnection(args[0], "sa", "");
            c.createStatement().execute("create table if not exists probe (n integer not null)");
            c.setAutoCommit(false);
            c.createStatement().execute("insert into probe (n) values (" + args[1] + ")");
            c.commit();
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(9);
        }
    }

    @SuppressWarnings("unchecked")
    static String embeddedUrl() throws Exception {
        try (InputStream in = EmbeddedDurabilityTests.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            Map<String, Object> datasource = (Map<String, Object>) ((Map<String, Object>) yml.get("spring")).get("datasource");
            return datasource.get("url").toString();
        }
    }

    @Test
    void aCommitSurvivesTheProcessBeingKilledRightAfterIt(@TempDir Path dir) throws Exception {
        String url = embeddedUrl().replace("./data/hoibot", dir.resolve("hoibot").toString().replace('\\', '/'));
        assertThat(url).startsWith("jdbc:h2:file:");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int runs = 4;
        for (int i = 1; i <= runs; i++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CommitThenDie.class.getName(), url, Integer.toString(i)).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes());
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("committed");
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery("select n from probe order by n")) {
            List<Integer> found = new java.util.ArrayList<>();
            while (rs.next()) {
                found.add(rs.getInt(1));
            }
            assertThat(found).containsExactly(1, 2, 3, 4);
        }
        assertThat(Files.list(dir).count()).isPositive();
    }

    /**
     * The whole application on the embedded file database, stopped as a service manager stops it (SIGTERM): it
     * closes in order (the dispatcher releases its claims, then the pool, then H2), with no "Database is already
     * closed" on the way.
     */
    @Test
    void stopsInOrderOnTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        String url = embeddedUrl().replace("./data/hoibot", dir.resolve("hoibot").toString().replace('\\', '/'));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("out.log");
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoiBotApplication.class.getName(), "--spring.datasource.url=" + url, "--hoibot.test.keep-datasource=true",
                "--spring.main.web-application-type=none", "--hoibot.demo.load=never", "--hoibot.console.enabled=false",
                "--hoibot.broadcast.poll-interval=50ms").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(180))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("Started HoiBotApplication"));
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(out).contains("Broadcast dispatcher").contains("stopped")
                .doesNotContain("Database is already closed").doesNotContain("Exception");
    }
}
