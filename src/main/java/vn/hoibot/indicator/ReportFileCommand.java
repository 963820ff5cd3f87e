package vn.hoibot.indicator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * A command line that writes the engine's report for {@code --unit=CODE --period=SPEC} to the file named by its
 * option ({@code --report-json=FILE}, {@code --report-xlsx=FILE}) and exits: 1 with a Vietnamese line on bad input,
 * else 0. Its texts are {@code KEYS.usage}, {@code KEYS.unknown-unit}, {@code KEYS.written} and
 * {@code KEYS.unwritable}.
 */
public abstract class ReportFileCommand implements ApplicationRunner {

    private final String option;
    private final String keys;
    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final OrgService org;
    private final Messages messages;
    private final PrintStream out;
    private final IntConsumer exit;

    protected ReportFileCommand(String option, String keys, IndicatorEngine engine, ReportPeriods periods,
            OrgService org, Messages messages, PrintStream out, IntConsumer exit) {
        this.option = option;
        this.keys = keys;
        this.engine = engine;
        this.periods = periods;
        this.org = org;
        this.messages = messages;
        this.out = out;
        this.exit = exit;
    }

    /** Exits the application with the code (the default for a real run). */
    protected static IntConsumer exitWith(ApplicationContext context) {
        return code -> System.exit(SpringApplication.exit(context, () -> code));
    }

    /** The file's content for the report. */
    protected abstract byte[] render(IndicatorReport report);

    @Override
    public void run(ApplicationArguments args) {
        String file = first(args, option);
        if (file == null) {
            return;
        }
        exit.accept(write(Path.of(file), first(args, "unit"), first(args, "period")) ? 0 : 1);
    }

    /** Writes the report of unit {@code unitCode} for period {@code spec} to {@code file}; false on bad input. */
    public boolean write(Path file, String unitCode, String spec) {
        try {
            if (unitCode == null || spec == null) {
                throw new UserFacingException(keys + ".usage");
            }
            UnitView unit = org.findByCode(unitCode.strip())
                    .orElseThrow(() -> new UserFacingException(keys + ".unknown-unit", unitCode));
            IndicatorReport report = engine.compute(unit.id(), periods.parse(spec));
            Files.write(file, render(report));
            out.println(messages.get(Messages.VIETNAMESE, keys + ".written", file, report.communes().size()));
            return true;
        } catch (UserFacingException e) {
            out.println(messages.get(Messages.VIETNAMESE, e.key(), e.args()));
            return false;
        } catch (IOException e) {
            out.println(messages.get(Messages.VIETNAMESE, keys + ".unwritable", file));
            return false;
        }
    }

    private static String first(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
