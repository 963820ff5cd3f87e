package vn.hoibot.indicator.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.StatsFollowUp;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.UnitView;
import vn.hoibot.text.Texts;

/**
 * {@code /thongke [unit] [period]}: the indicators of a unit in her subtree for a period (her own unit and the
 * current half-year when omitted), with the change since the previous period of the same length. Several units
 * matching: a choice list of buttons.
 */
@Component
class StatsCommand implements CommandHandler, ButtonAction<StatsCommand.Choice> {

    static final String PICK = "indicator.stats.pick";

    /** The unit she picked among several matches, for the period she asked. */
    record Choice(long unitId, String period) {
    }
    static final int MAX_CHOICES = 10;

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final UnitFinder finder;
    private final Accounts accounts;
    private final Clock clock;
    private final List<StatsFollowUp> followUps;

    StatsCommand(IndicatorEngine engine, ReportPeriods periods, UnitFinder finder, Accounts accounts, Clock clock,
            List<StatsFollowUp> followUps) {
        this.engine = engine;
        this.periods = periods;
        this.finder = finder;
        this.accounts = accounts;
        this.clock = clock;
        this.followUps = List.copyOf(followUps);
    }

    @Override
    public String command() {
        return "thongke";
    }

    @Override
    public String descriptionKey() {
        return "indicator.command.thongke";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String action() {
        return PICK;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        List<UnitView> own = finder.ownUnits(actor);
        if (own.isEmpty()) {
            ctx.reply("indicator.stats.not-allowed");
            return;
        }
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        ReportPeriod period = null;
        int unitWords = words.length;
        for (int take = Math.min(2, words.length); take >= 1 && period == null; take--) {
            String tail = String.join(" ", List.of(words).subList(words.length - take, words.length));
            try {
                period = periods.parse(tail);
                unitWords = words.length - take;
            } catch (UserFacingException e) {
                if (take == 1 && looksLikePeriod(tail)) {
                    throw e;
                }
            }
        }
        if (period == null) {
            period = periods.currentHalf(LocalDate.now(clock));
        }
        String unitQuery = String.join(" ", List.of(words).subList(0, unitWords));
        List<UnitView> units = unitQuery.isBlank() ? own : finder.find(actor, unitQuery, ctx.locale());
        if (units.isEmpty()) {
            ctx.reply("indicator.stats.unknown-unit", unitQuery);
            return;
        }
        if (units.size() > 1) {
            List<List<Button>> rows = new ArrayList<>();
            for (UnitView u : units.subList(0, Math.min(MAX_CHOICES, units.size()))) {
                rows.add(List.of(ctx.buttonLabelled(u.name() + " (" + u.code() + ")", PICK,
                        new Choice(u.id(), period.label()))));
            }
            ctx.reply(ctx.message(units.size() > MAX_CHOICES ? "indicator.stats.choose-more" : "indicator.stats.choose",
                    unitQuery.isBlank() ? ctx.text("indicator.stats.your-units") : unitQuery, MAX_CHOICES)
                    .withButtons(rows));
            return;
        }
        show(ctx, actor, units.get(0), period);
    }

    @Override
    public Class<Choice> payloadType() {
        return Choice.class;
    }

    @Override
    public void onPress(ChatContext ctx, Choice payload, String messageId) {
        Actor actor = accounts.actor(ctx.sender());
        long unitId = payload.unitId();
        UnitView unit = finder.unit(unitId).orElse(null);
        if (unit == null || !finder.mayRead(actor, unitId)) {
            ctx.reply("indicator.stats.not-allowed");
            return;
        }
        show(ctx, actor, unit, periods.parse(payload.period()));
    }

    private void show(ChatContext ctx, Actor actor, UnitView unit, ReportPeriod period) {
        if (!finder.mayRead(actor, unit.id())) {
            ctx.reply("indicator.stats.not-allowed");
            return;
        }
        // computed after the update's transaction committed, in the engine's own read-only one
        ctx.replyLater(() -> summary(ctx, unit, period));
    }

    private Outbound summary(ChatContext ctx, UnitView unit, ReportPeriod period) {
        IndicatorReport report = engine.compute(unit.id(), period);
        if (report.communes().isEmpty()) {
            return ctx.message("indicator.stats.level", unit.name());
        }
        Optional<IndicatorReport> previous = periods.previous(period).flatMap(p -> {
            try {
                return Optional.of(engine.compute(unit.id(), p));
            } catch (UserFacingException e) {
                return Optional.empty(); // the unit did not exist then
            }
        });
        Outbound summary = Outbound.text(ctx.sender().chatId(), StatsText.render(ctx, report, previous));
        List<List<Button>> rows = new ArrayList<>();
        for (StatsFollowUp f : followUps) {
            f.buttons(ctx, unit.id(), period).forEach(b -> rows.add(List.of(b)));
        }
        return rows.isEmpty() ? summary : summary.withButtons(rows);
    }

    private static boolean looksLikePeriod(String word) {
        String w = Texts.fold(word);
        return w.matches(".*\\d.*") || w.startsWith("nhiem");
    }
}
