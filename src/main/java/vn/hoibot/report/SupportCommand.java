package vn.hoibot.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/**
 * {@code /canhotro [unit] [period]}: the commune units ranked by how many of the plan's targets they miss (the
 * engine's verdicts per unit), the missed targets named; units that miss none are left out.
 */
@Component
class SupportCommand extends EngineCommand {

    /** The per-unit figures with a target verdict. */
    static final List<String> TARGETS = List.of("I1", "I2", "I3", "I4", "I5", "I6", "I7");
    static final int MAX_LINES = 30;

    private final IndicatorEngine engine;

    SupportCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock, IndicatorEngine engine) {
        super(finder, periods, accounts, clock);
        this.engine = engine;
    }

    @Override
    public String command() {
        return "canhotro";
    }

    @Override
    public String descriptionKey() {
        return "report.command.canhotro";
    }

    static List<String> missed(CommuneResult c) {
        return TARGETS.stream().filter(id -> c.indicator(id).map(IndicatorValue::met).map(Boolean.FALSE::equals)
                .orElse(false)).toList();
    }

    @Override
    List<Outbound> answer(ChatContext ctx, Actor actor, Asked asked) {
        IndicatorReport report = engine.compute(asked.unit().id(), asked.period());
        record Ranked(CommuneResult unit, List<String> missed) {
        }
        List<Ranked> ranked = report.communes().stream().map(c -> new Ranked(c, missed(c)))
                .filter(r -> !r.missed().isEmpty())
                .sorted(Comparator.comparingInt((Ranked r) -> -r.missed().size())
                        .thenComparing(r -> r.unit().name()))
                .toList();
        List<String> lines = new ArrayList<>();
        lines.add(ctx.text("report.support.title", asked.unit().name(), asked.period().label()));
        if (report.communes().isEmpty()) {
            lines.add(ctx.text("report.support.no-communes"));
        } else if (ranked.isEmpty()) {
            lines.add(ctx.text("report.support.none", report.communes().size()));
        } else {
            lines.add(ctx.text("report.support.count", ranked.size(), report.communes().size()));
            for (Ranked r : ranked.subList(0, Math.min(MAX_LINES, ranked.size()))) {
                lines.add(ctx.text("report.support.line", r.unit().name(), r.missed().size(),
                        String.join("; ", r.missed().stream().map(id -> ctx.text("report.short." + id)).toList())));
            }
            if (ranked.size() > MAX_LINES) {
                lines.add(ctx.text("report.push.more", ranked.size() - MAX_LINES));
            }
        }
        return List.of(Outbound.text(ctx.sender().chatId(), String.join("\n", lines)));
    }
}
