package vn.hoibot;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context started by a test its own empty database: an in-memory H2 database by
 * default, or a fresh schema in the machine's PostgreSQL when {@code HOIBOT_TEST_DB=postgres} (or
 * {@code -Dhoibot.test.db=postgres}). A test that needs two contexts on one database sets
 * {@code hoibot.test.keep-datasource=true} and its own {@code spring.datasource.url}.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        var commandLine = environment.getPropertySources().get("commandLineArgs");
        for (String[] setting : new String[][] { { "hoibot.console.enabled", "false" }, { "hoibot.demo.load", "never" } }) {
            if (commandLine == null || !commandLine.containsProperty(setting[0])) {
                props.put(setting[0], setting[1]); // a test may still ask for them on its command line
            }
        }
        if (!environment.getProperty("hoibot.test.keep-datasource", Boolean.class, false)) {
            props.putAll(freshDatabase());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("hoibotTestDatabase", props));
        environment.getPropertySources().addLast(new MapPropertySource("hoibotTestDefaults", TEST_DEFAULTS));
    }

    /**
     * Settings every test context starts from unless the test sets its own (lowest precedence): Telegram's
     * per-chat pace (one message a second to a person, one every three seconds to a group) would make a test
     * that walks a ten-step dialog wait ten seconds for nothing; tests of the pace itself set it.
     */
    private static final Map<String, Object> TEST_DEFAULTS = Map.of(
            "hoibot.broadcast.per-chat-interval", "50ms",
            "hoibot.broadcast.per-group-interval", "150ms");

    public static boolean onPostgres() {
        String choice = System.getProperty("hoibot.test.db", System.getenv().getOrDefault("HOIBOT_TEST_DB", "h2"));
        return choice.equalsIgnoreCase("postgres") || choice.equalsIgnoreCase("postgresql");
    }

    /** Datasource properties for a new, empty database (a new schema on PostgreSQL). */
    public static Map<String, Object> freshDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Map<String, Object> props = new HashMap<>();
        // Quartz keeps a JVM-wide registry keyed by scheduler name: one name per database keeps each cached
        // test context's scheduler on its own database (two instances of one database share it, as in production)
        props.put("spring.quartz.scheduler-name", "hoibot-" + name);
        if (onPostgres()) {
            createSchema(name);
            props.put("spring.datasource.url", POSTGRES_URL + "?currentSchema=" + name);
            props.put("spring.datasource.username", "postgres");
            props.put("spring.datasource.password", "");
            // cached test contexts stay open: keep their idle connections few, under the server's 100 clients
            props.put("spring.datasource.hikari.minimum-idle", "1");
            props.put("spring.datasource.hikari.idle-timeout", "10000");
            props.put("spring.flyway.default-schema", name);
            props.put("spring.flyway.schemas", name);
        } else {
            props.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        }
        return props;
    }

    private static void createSchema(String name) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            c.createStatement().execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432 is not reachable for tests", e);
        }
    }
}
