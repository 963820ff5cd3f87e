package vn.hoibot.indicator;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.org.OrgService;

/**
 * {@code --report-json=FILE --unit=CODE --period=SPEC}: computes every indicator for the unit and period, writes
 * {@link ReportJson} to the file and exits (1 with a Vietnamese line on bad input, else 0). Runs after the
 * imports, so one command line can import records and then report.
 */
@Component
@Order(10)
class ReportJsonCommand extends ReportFileCommand {

    @Autowired
    ReportJsonCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, Messages messages,
            ApplicationContext context) {
        this(engine, periods, org, messages, System.out, exitWith(context));
    }

    ReportJsonCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, Messages messages,
            PrintStream out, IntConsumer exit) {
        super("report-json", "indicator.cli", engine, periods, org, messages, out, exit);
    }

    @Override
    protected byte[] render(IndicatorReport report) {
        return ReportJson.write(report).getBytes(StandardCharsets.UTF_8);
    }
}
