package vn.hoibot.indicator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * {@code --report-json=FILE --unit=CODE --period=SPEC}: computes every indicator for the unit and period, writes
 * {@link ReportJson} to the file and exits (1 with a Vietnamese line on bad input, else 0). Runs after the
 * imports, so one command line can import records and then report.
 */
@Component
@Order(10)
class ReportJsonCommand implements ApplicationRunner {

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final OrgService org;
    private final Messages messages;
    private final PrintStream out;
    private final IntConsumer exit;

    @Autowired
    ReportJsonCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, Messages messages,
            ApplicationContext context) {
        this(engine, periods, org, messages, System.out,
                code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    ReportJsonCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, Messages messages,
            PrintStream out, IntConsumer exit) {
        this.engine = engine;
        this.periods = periods;
        this.org = org;
        this.messages = messages;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        String file = first(args, "report-json");
        if (file == null) {
            return;
        }
        exit.accept(write(Path.of(file), first(args, "unit"), first(args, "period")) ? 0 : 1);
    }

    boolean write(Path file, String unitCode, String spec) {
        try {
            if (unitCode == null || spec == null) {
                throw new UserFacingException("indicator.cli.usage");
            }
            UnitView unit = org.findByCode(unitCode.strip())
                    .orElseThrow(() -> new UserFacingException("indicator.cli.unknown-unit", unitCode));
            IndicatorReport report = engine.compute(unit.id(), periods.parse(spec));
            Files.writeString(file, ReportJson.write(report), StandardCharsets.UTF_8);
            out.println(messages.get(Messages.VIETNAMESE, "indicator.cli.written", file, report.communes().size()));
            return true;
        } catch (UserFacingException e) {
            out.println(messages.get(Messages.VIETNAMESE, e.key(), e.args()));
            return false;
        } catch (IOException e) {
            out.println(messages.get(Messages.VIETNAMESE, "indicator.cli.unwritable", file));
            return false;
        }
    }

    private static String first(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
