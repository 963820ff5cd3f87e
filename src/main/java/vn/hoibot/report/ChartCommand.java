package vn.hoibot.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

/**
 * {@code /bieudo [unit] [period] [indicator]}: without an indicator, the unit's values against the targets; with
 * one, the ranking of its commune units (weakest first, several pictures when many) and the trend over the last
 * periods of the same length. Said plainly when there is nothing to draw.
 */
@Component
class ChartCommand extends EngineCommand {

    private final IndicatorEngine engine;
    private final Charts charts;
    private final Trends trends;

    ChartCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock, IndicatorEngine engine,
            Charts charts, Trends trends) {
        super(finder, periods, accounts, clock);
        this.engine = engine;
        this.charts = charts;
        this.trends = trends;
    }

    @Override
    public String command() {
        return "bieudo";
    }

    @Override
    public String descriptionKey() {
        return "report.command.bieudo";
    }

    @Override
    String extra(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String last = words.get(words.size() - 1).toUpperCase(Locale.ROOT);
        if (Charts.CHARTABLE.contains(last)) {
            words.remove(words.size() - 1);
            return last;
        }
        if (last.matches("I\\d\\w*|E_\\w+|R_\\w+")) {
            throw new vn.hoibot.chat.UserFacingException("report.chart.unknown-indicator", last,
                    String.join(", ", Charts.CHARTABLE));
        }
        return null;
    }

    @Override
    List<Outbound> answer(ChatContext ctx, Actor actor, Asked asked) {
        IndicatorReport report = engine.compute(asked.unit().id(), asked.period());
        Locale locale = ctx.locale();
        if (asked.extra() == null) {
            Optional<Picture> picture = charts.targets(report, locale);
            if (picture.isEmpty()) {
                return List.of(ctx.message("report.chart.no-values", asked.unit().name(), asked.period().label()));
            }
            return List.of(photo(ctx, picture.get(), picture.get().caption() + "\n"
                    + ctx.text("report.chart.hint", asked.unit().code(), asked.period().label())));
        }
        List<Picture> ranking = charts.ranking(report, asked.extra(), locale);
        Optional<Picture> trend = charts.trend(trends.reports(asked.unit().id(), asked.period(), report),
                asked.extra(), locale);
        if (ranking.isEmpty() && trend.isEmpty()) {
            return List.of(ctx.message("report.chart.no-values-indicator", ctx.text("report.short." + asked.extra()),
                    asked.unit().name(), asked.period().label()));
        }
        List<Outbound> out = new ArrayList<>();
        if (ranking.isEmpty()) {
            out.add(ctx.message("report.chart.no-ranking", ctx.text("report.short." + asked.extra())));
        }
        ranking.forEach(p -> out.add(photo(ctx, p, p.caption())));
        trend.ifPresent(p -> out.add(photo(ctx, p, p.caption())));
        return out;
    }

    static Outbound photo(ChatContext ctx, Picture picture, String caption) {
        return Outbound.text(ctx.sender().chatId(), caption)
                .withAttachment(new Attachment(Attachment.Kind.PHOTO, picture.fileName(), picture.png(), null));
    }
}
