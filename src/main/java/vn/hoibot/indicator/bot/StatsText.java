package vn.hoibot.indicator.bot;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;

/** The compact summary of /thongke: one line per indicator, a text bar, the change, flags, units not reported. */
final class StatsText {

    static final int BAR = 10;
    static final int NAMES = 15;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> SHOWN = List.of("I1", "I2", "I2D", "I3", "I4", "I4P", "I5", "I6", "I7",
            "E_MONTHLY", "E_ATTENDANCE", "E_C4", "E_C5", "E_C6", "E_NEW", "E_RECRUITED", "R_RATE", "R_ONTIME");
    private static final Set<String> ONLY_WHEN_APPLICABLE = Set.of("R_RATE", "R_ONTIME");

    private StatsText() {
    }

    static String render(ChatContext ctx, IndicatorReport report, Optional<IndicatorReport> previous) {
        Locale locale = ctx.locale();
        List<String> lines = new ArrayList<>();
        lines.add(ctx.text("indicator.stats.title", report.unit().name(), report.period().label(),
                DAY.format(report.period().from()), DAY.format(report.period().to())));
        if (!report.asOf().equals(report.period().to())) {
            lines.add(ctx.text("indicator.stats.as-of", DAY.format(report.asOf())));
        }
        lines.add(ctx.text("indicator.stats.communes", report.communes().size()));
        for (String id : SHOWN) {
            IndicatorValue v = report.indicator(id).orElse(null);
            if (v == null || (ONLY_WHEN_APPLICABLE.contains(id) && !v.applicable())) {
                continue;
            }
            String name = ctx.text("indicator.name." + id);
            Optional<IndicatorValue> before = previous.flatMap(p -> p.indicator(id));
            if (v.isCount()) {
                lines.add(ctx.text("indicator.stats.count", name, v.numerator(), countChange(ctx, v, before)));
            } else if (!v.applicable()) {
                lines.add(ctx.text("indicator.stats.not-applicable", name));
            } else {
                String target = v.target() == null ? "" : ctx.text(v.met() == null ? "indicator.stats.baseline"
                        : v.met() ? "indicator.stats.target-met" : "indicator.stats.target-missed",
                        percent(v.target(), locale));
                lines.add(ctx.text("indicator.stats.share", name, bar(v.value()), percent(v.value(), locale),
                        v.numerator(), v.denominator(), target, shareChange(ctx, v, before, locale)));
            }
        }
        List<String> flagged = report.communes().stream().filter(c -> !c.flags().isEmpty())
                .map(c -> c.name() + " (" + String.join(", ", c.flags()) + ")").toList();
        if (!flagged.isEmpty()) {
            lines.add(ctx.text("indicator.stats.flagged", names(ctx, flagged)));
        }
        List<String> missing = report.notReported().stream().map(CommuneResult::name).toList();
        lines.add(missing.isEmpty() ? ctx.text("indicator.stats.all-reported")
                : ctx.text("indicator.stats.not-reported", missing.size(), names(ctx, missing)));
        previous.ifPresent(p -> lines.add(ctx.text("indicator.stats.compared", p.period().label())));
        return String.join("\n", lines);
    }

    static String bar(double value) {
        int full = (int) Math.round(Math.max(0, Math.min(1, value)) * BAR);
        return "▓".repeat(full) + "░".repeat(BAR - full);
    }

    static String percent(double value, Locale locale) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    private static String names(ChatContext ctx, List<String> names) {
        if (names.size() <= NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMES)) + ctx.text("indicator.stats.and-more", names.size() - NAMES);
    }

    private static String shareChange(ChatContext ctx, IndicatorValue now, Optional<IndicatorValue> before,
            Locale locale) {
        if (before.isEmpty() || before.get().value() == null || now.value() == null) {
            return "";
        }
        double points = Math.round((now.value() - before.get().value()) * 1000) / 10.0;
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        if (points == 0) {
            return ctx.text("indicator.stats.same");
        }
        return ctx.text(points > 0 ? "indicator.stats.up-points" : "indicator.stats.down-points",
                f.format(Math.abs(points)));
    }

    private static String countChange(ChatContext ctx, IndicatorValue now, Optional<IndicatorValue> before) {
        if (before.isEmpty() || !before.get().isCount()) {
            return "";
        }
        long diff = now.numerator() - before.get().numerator();
        if (diff == 0) {
            return ctx.text("indicator.stats.same");
        }
        return ctx.text(diff > 0 ? "indicator.stats.up-count" : "indicator.stats.down-count", Math.abs(diff));
    }
}
