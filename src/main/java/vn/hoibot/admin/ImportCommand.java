package vn.hoibot.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;
import vn.hoibot.member.RosterImporter;
import vn.hoibot.spreadsheet.RowError;
import vn.hoibot.org.UnitImporter;

/**
 * {@code --import-units=path} and/or {@code --import-roster=path [--strict]} [{@code --effective-date=yyyy-MM-dd}]:
 * imports, prints the report in Vietnamese and exits; the exit code is 1 when an import applied nothing because of
 * errors (or a file was missing), else 0.
 */
@Component
@Order(0)
class ImportCommand implements ApplicationRunner {

    private final UnitImporter units;
    private final RosterImporter roster;
    private final ImportReports reports;
    private final PrintStream out;
    private final IntConsumer exit;

    @Autowired
    ImportCommand(UnitImporter units, RosterImporter roster, ImportReports reports, ApplicationContext context) {
        this(units, roster, reports, System.out, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    ImportCommand(UnitImporter units, RosterImporter roster, ImportReports reports, PrintStream out,
            IntConsumer exit) {
        this.units = units;
        this.roster = roster;
        this.reports = reports;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> unitFiles = values(args, "import-units");
        List<String> rosterFiles = values(args, "import-roster");
        if (unitFiles.isEmpty() && rosterFiles.isEmpty()) {
            return;
        }
        ImportOptions options = new ImportOptions(args.containsOption("strict"),
                values(args, "effective-date").stream().findFirst().map(java.time.LocalDate::parse).orElse(null));
        boolean ok = true;
        for (String file : unitFiles) {
            ok &= run(file, "org.import.summary", in -> units.importUnits(in, fileName(file), options));
        }
        for (String file : rosterFiles) {
            ok &= run(file, "member.import.summary", in -> roster.importRoster(in, fileName(file), options));
        }
        exit.accept(ok ? 0 : 1);
    }

    interface Import {
        ImportReport apply(InputStream in);
    }

    private boolean run(String file, String summaryKey, Import action) {
        Locale vi = Locale.forLanguageTag("vi");
        out.println(reports.message("member.import.file", vi, file));
        ImportReport report;
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            report = action.apply(in);
        } catch (IOException e) {
            report = new ImportReport(0, 0, 0, List.of(new RowError(0, "member.import.unreadable",
                    new Object[] {file})), false);
        }
        reports.render(report, summaryKey, vi).forEach(out::println);
        return report.applied();
    }

    private static String fileName(String file) {
        return Path.of(file).getFileName().toString();
    }

    private static List<String> values(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null ? List.of() : values;
    }
}
