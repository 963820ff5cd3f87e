package vn.hoibot.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;
import vn.hoibot.spreadsheet.RowError;

/**
 * {@code --import-records=FILE [--strict]}: imports a province's books (one XLSX workbook, or one CSV per sheet:
 * the option repeated or its files separated by commas, read as one import), prints the report in Vietnamese.
 * Exits 1 when nothing was applied because of errors; otherwise exits 0, unless {@code --report-json} follows on
 * the same command line (it runs after this one, on the imported records).
 */
@Component
@Order(5)
class RecordsImportCommand implements ApplicationRunner {

    private final RecordsImporter importer;
    private final ImportReports reports;
    private final PrintStream out;
    private final IntConsumer exit;

    @Autowired
    RecordsImportCommand(RecordsImporter importer, ImportReports reports, ApplicationContext context) {
        this(importer, reports, System.out, ReportFileCommand.exitWith(context));
    }

    RecordsImportCommand(RecordsImporter importer, ImportReports reports, PrintStream out, IntConsumer exit) {
        this.importer = importer;
        this.reports = reports;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues("import-records");
        if (values == null || values.isEmpty()) {
            return;
        }
        List<String> files = values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .filter(f -> !f.isEmpty()).toList();
        ImportReport report = run(files, new ImportOptions(args.containsOption("strict"), null));
        if (!report.applied()) {
            exit.accept(1);
        } else if (!args.containsOption("report-json")) {
            exit.accept(0);
        }
    }

    /** Imports the files as one import and prints the report. */
    ImportReport run(List<String> files, ImportOptions options) {
        List<InputStream> opened = new ArrayList<>();
        ImportReport report;
        try {
            List<RecordsImporter.Source> sources = new ArrayList<>();
            for (String file : files) {
                out.println(reports.message("member.import.file", Messages.VIETNAMESE, file));
                InputStream in = Files.newInputStream(Path.of(file));
                opened.add(in);
                sources.add(new RecordsImporter.Source(Path.of(file).getFileName().toString(), in));
            }
            report = importer.importRecords(sources, options, unit -> true);
        } catch (IOException e) {
            report = new ImportReport(0, 0, 0, List.of(new RowError(0, "member.import.unreadable",
                    new Object[] {files.get(opened.size())})), false);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read already
                }
            }
        }
        reports.render(report, "indicator.import.summary", Messages.VIETNAMESE).forEach(out::println);
        return report;
    }
}
