package vn.hoibot.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * {@code --report-xlsx=FILE --unit=CODE --period=SPEC}: writes the same workbook as /baocao and exits (1 with a
 * Vietnamese line on bad input, else 0), so an office can produce it on a schedule. Runs after the imports.
 */
@Component
@Order(11)
class ReportXlsxCommand implements ApplicationRunner {

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final OrgService org;
    private final ReportWorkbook workbook;
    private final Messages messages;
    private final PrintStream out;
    private final IntConsumer exit;

    @Autowired
    ReportXlsxCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, ReportWorkbook workbook,
            Messages messages, ApplicationContext context) {
        this(engine, periods, org, workbook, messages, System.out,
                code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    ReportXlsxCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, ReportWorkbook workbook,
            Messages messages, PrintStream out, IntConsumer exit) {
        this.engine = engine;
        this.periods = periods;
        this.org = org;
        this.workbook = workbook;
        this.messages = messages;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        String file = first(args, "report-xlsx");
        if (file == null) {
            return;
        }
        exit.accept(write(Path.of(file), first(args, "unit"), first(args, "period")) ? 0 : 1);
    }

    boolean write(Path file, String unitCode, String spec) {
        try {
            if (unitCode == null || spec == null) {
                throw new UserFacingException("report.cli.usage");
            }
            UnitView unit = org.findByCode(unitCode.strip())
                    .orElseThrow(() -> new UserFacingException("report.cli.unknown-unit", unitCode));
            IndicatorReport report = engine.compute(unit.id(), periods.parse(spec));
            Files.write(file, workbook.xlsx(report));
            out.println(messages.get(Messages.VIETNAMESE, "report.cli.written", file, report.communes().size()));
            return true;
        } catch (UserFacingException e) {
            out.println(messages.get(Messages.VIETNAMESE, e.key(), e.args()));
            return false;
        } catch (IOException e) {
            out.println(messages.get(Messages.VIETNAMESE, "report.cli.unwritable", file));
            return false;
        }
    }

    private static String first(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
