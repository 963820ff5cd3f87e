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

/** Loads the synthetic demo tree and roster from {@code config/demo} through the ordinary importers. */
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

    DemoDataLoader(DemoProperties properties, UnitImporter units, RosterImporter roster, ImportReports reports,
            OrgService org, Clock clock) {
        this.properties = properties;
        this.units = units;
        this.roster = roster;
        this.reports = reports;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = switch (properties.load()) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> org.roots(LocalDate.now(clock)).isEmpty();
        };
        if (wanted && Files.isDirectory(properties.dir())) {
            load();
        }
    }

    /** Imports units.csv then members.csv; both are idempotent, so loading twice changes nothing. */
    List<ImportReport> load() {
        ImportOptions options = new ImportOptions(false, properties.effectiveDate());
        ImportReport unitReport = read("units.csv", (in, name) -> units.importUnits(in, name, options));
        ImportReport memberReport = read("members.csv", (in, name) -> roster.importRoster(in, name, options));
        reports.render(unitReport, "org.import.summary", Locale.ENGLISH).forEach(log::info);
        reports.render(memberReport, "member.import.summary", Locale.ENGLISH).forEach(log::info);
        return List.of(unitReport, memberReport);
    }

    private interface Import {
        ImportReport apply(InputStream in, String name);
    }

    private ImportReport read(String file, Import action) {
        Path path = properties.dir().resolve(file);
        try (InputStream in = Files.newInputStream(path)) {
            return action.apply(in, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
