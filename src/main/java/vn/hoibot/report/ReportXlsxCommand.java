package vn.hoibot.report;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportFileCommand;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.OrgService;

/**
 * {@code --report-xlsx=FILE --unit=CODE --period=SPEC}: writes the same workbook as /baocao and exits (1 with a
 * Vietnamese line on bad input, else 0), so an office can produce it on a schedule. Runs after the imports.
 */
@Component
@Order(11)
class ReportXlsxCommand extends ReportFileCommand {

    private final ReportWorkbook workbook;

    ReportXlsxCommand(IndicatorEngine engine, ReportPeriods periods, OrgService org, ReportWorkbook workbook,
            Messages messages, ApplicationContext context) {
        super("report-xlsx", "report.cli", engine, periods, org, messages, System.out, exitWith(context));
        this.workbook = workbook;
    }

    @Override
    protected byte[] render(IndicatorReport report) {
        return workbook.xlsx(report);
    }
}
