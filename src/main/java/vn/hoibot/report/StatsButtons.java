package vn.hoibot.report;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.StatsFollowUp;

/**
 * Under /thongke's summary: the chart (/bieudo), the workbook (/baocao) and the units that need a push
 * (/chuabaocao) for the same unit and period. Each button is that command's own unit choice, so a press runs the
 * command exactly as typed, with its access check.
 */
@Component
class StatsButtons implements StatsFollowUp {

    private final List<UnitPeriodCommand> commands;

    StatsButtons(ChartCommand chart, WorkbookCommand workbook, PushCommand push) {
        this.commands = List.of(chart, workbook, push);
    }

    @Override
    public List<Button> buttons(ChatContext ctx, long unitId, ReportPeriod period) {
        return commands.stream().map(c -> ctx.button("report.stats.button." + c.command(), c.action(),
                new UnitPeriodCommand.Choice(unitId, period.label(), null))).toList();
    }
}
