package vn.hoibot.report;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/** {@code /baocao [unit] [period]}: the workbook of {@link ReportWorkbook}, sent as a document. */
@Component
class WorkbookCommand extends EngineCommand {

    private final IndicatorEngine engine;
    private final ReportWorkbook workbook;

    WorkbookCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock, IndicatorEngine engine,
            ReportWorkbook workbook) {
        super(finder, periods, accounts, clock);
        this.engine = engine;
        this.workbook = workbook;
    }

    @Override
    public String command() {
        return "baocao";
    }

    @Override
    public String descriptionKey() {
        return "report.command.baocao";
    }

    @Override
    List<Outbound> answer(ChatContext ctx, Actor actor, Asked asked) {
        IndicatorReport report = engine.compute(asked.unit().id(), asked.period());
        if (report.communes().isEmpty()) {
            return List.of(ctx.message("report.workbook.no-communes", asked.unit().name()));
        }
        long notReported = report.notReported().size();
        return List.of(Outbound.text(ctx.sender().chatId(), ctx.text("report.workbook.caption", report.unit().name(),
                report.period().label(), report.communes().size(), notReported))
                .withAttachment(Attachment.document(ReportWorkbook.fileName(report), workbook.xlsx(report))));
    }
}
