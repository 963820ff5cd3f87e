package vn.hoibot.member.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.member.RosterImporter;
import vn.hoibot.org.UnitImporter;
import vn.hoibot.org.OrgService;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;

/**
 * Loads the synthetic demo tree and roster through the ordinary importers: from {@code hoibot.demo.dir} when
 * that directory holds them, else from the copy inside the jar ({@code classpath:demo/}). {@code auto} loads
 * only into the embedded database, and only when it has no units: a production PostgreSQL never gets the fake
 * members by accident. One log line says what was loaded from where, or why nothing was.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoProperties properties;
    private final UnitImporter units;
    private final RosterImporter roster;
    private final ImportReports reports;
    private final OrgService org;
    private final Clock clock;
    private final javax.sql.DataSource dataSource;

    DemoDataLoader(DemoProperties properties, UnitImporter units, RosterImporter roster, ImportReports reports,
            OrgService org, Clock clock, javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.units = units;
        this.roster = roster;
        this.reports = reports;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String skipped = switch (properties.load()) {
            case NEVER -> "hoibot.demo.load=never";
            case ALWAYS -> null;
            case AUTO -> !embedded() ? "hoibot.demo.load=auto loads only into the embedded database"
                    : !org.roots(LocalDate.now(clock)).isEmpty() ? "the database already has units" : null;
        };
        if (skipped != null) {
            log.info("Demo data not loaded: {}", skipped);
            return;
        }
        List<ImportReport> done = load();
        log.info("Demo data loaded from {}: units {} new, {} updated; members {} new, {} updated; {} rows refused",
                source(), done.get(0).created(), done.get(0).updated(), done.get(1).created(), done.get(1).updated(),
                done.get(0).errors().size() + done.get(1).errors().size());
    }

    /** Imports units.csv then members.csv; both are idempotent, so loading twice changes nothing. */
    List<ImportReport> load() {
        ImportOptions options = new ImportOptions(false, properties.effectiveDate());
        ImportReport unitReport = read("units.csv", (in, name) -> units.importUnits(in, name, options));
        ImportReport memberReport = read("members.csv", (in, name) -> roster.importRoster(in, name, options));
        if (log.isDebugEnabled()) {
            reports.render(unitReport, "org.import.summary", Locale.ENGLISH).forEach(log::debug);
            reports.render(memberReport, "member.import.summary", Locale.ENGLISH).forEach(log::debug);
        }
        return List.of(unitReport, memberReport);
    }

    /** Where the files are read from: the configured directory when it holds both, else the jar. */
    String source() {
        return fromDirectory() ? "directory " + properties.dir().toAbsolutePath().normalize() : "the jar (classpath:demo/)";
    }

    private boolean fromDirectory() {
        return Files.isRegularFile(properties.dir().resolve("units.csv"))
                && Files.isRegularFile(properties.dir().resolve("members.csv"));
    }

    /** True on the embedded H2 database (the default), false on PostgreSQL or anything else. */
    boolean embedded() {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return isEmbedded(c.getMetaData().getURL());
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    static boolean isEmbedded(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                && !jdbcUrl.startsWith("jdbc:h2:ssl:");
    }

    private static InputStream jarCopy(String file) throws IOException {
        InputStream in = DemoDataLoader.class.getResourceAsStream("/demo/" + file);
        if (in == null) {
            throw new IOException("demo/" + file + " is missing from the jar");
        }
        return in;
    }

    private interface Import {
        ImportReport apply(InputStream in, String name);
    }

    private ImportReport read(String file, Import action) {
        Path path = properties.dir().resolve(file);
        try (InputStream in = fromDirectory() ? Files.newInputStream(path) : jarCopy(file)) {
            return action.apply(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
