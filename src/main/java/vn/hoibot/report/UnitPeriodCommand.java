package vn.hoibot.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.UnitView;
import vn.hoibot.text.Texts;

/**
 * A report command {@code /x [unit] [period] [extra]}: the unit typed (code or name, with or without diacritics)
 * inside her subtree, her own unit when omitted; the period spec at the end, the current half-year when omitted;
 * several units matching give a choice of buttons. Only for those who may read indicators there.
 */
abstract class UnitPeriodCommand implements CommandHandler, ButtonAction<UnitPeriodCommand.Choice> {

    static final int MAX_CHOICES = 10;

    /** The payload of a unit choice button: the unit, the period spec and the extra word (null for none). */
    record Choice(long unitId, String period, String extra) {
    }

    /** What was asked, resolved to one unit. */
    record Asked(UnitView unit, ReportPeriod period, String extra) {
    }

    private final UnitFinder finder;
    private final ReportPeriods periods;
    private final Accounts accounts;
    private final Clock clock;

    UnitPeriodCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock) {
        this.finder = finder;
        this.periods = periods;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Does the work for one unit she may read, inside the update's transaction. */
    abstract void show(ChatContext ctx, Actor actor, Asked asked);

    /** Takes an optional last word that is not part of the unit or period (an indicator id); null for none. */
    String extra(List<String> words) {
        return null;
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String action() {
        return "report." + command() + ".pick";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        List<UnitView> own = finder.ownUnits(actor);
        if (own.isEmpty()) {
            ctx.reply("report.not-allowed");
            return;
        }
        List<String> words = new ArrayList<>(args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+")));
        String extra = extra(words);
        ReportPeriod period = null;
        for (int take = Math.min(2, words.size()); take >= 1 && period == null; take--) {
            String tail = String.join(" ", words.subList(words.size() - take, words.size()));
            try {
                period = periods.parse(tail);
                words = new ArrayList<>(words.subList(0, words.size() - take));
            } catch (UserFacingException e) {
                if (take == 1 && looksLikePeriod(tail)) {
                    throw e;
                }
            }
        }
        if (period == null) {
            period = periods.currentHalf(LocalDate.now(clock));
        }
        String query = String.join(" ", words);
        List<UnitView> units = query.isBlank() ? own : finder.find(actor, query, ctx.locale());
        if (units.isEmpty()) {
            ctx.reply("report.unknown-unit", query);
            return;
        }
        if (units.size() > 1) {
            List<List<Button>> rows = new ArrayList<>();
            for (UnitView u : units.subList(0, Math.min(MAX_CHOICES, units.size()))) {
                rows.add(List.of(ctx.buttonLabelled(u.name() + " (" + u.code() + ")", action(),
                        new Choice(u.id(), period.label(), extra))));
            }
            ctx.reply(ctx.message("report.choose", query.isBlank() ? ctx.text("report.your-units") : query,
                    MAX_CHOICES).withButtons(rows));
            return;
        }
        run(ctx, actor, units.get(0), period, extra);
    }

    @Override
    public Class<Choice> payloadType() {
        return Choice.class;
    }

    @Override
    public void onPress(ChatContext ctx, Choice payload, String messageId) {
        Actor actor = accounts.actor(ctx.sender());
        UnitView unit = finder.unit(payload.unitId()).orElse(null);
        if (unit == null) {
            ctx.reply("report.not-allowed");
            return;
        }
        run(ctx, actor, unit, periods.parse(payload.period()), payload.extra());
    }

    private void run(ChatContext ctx, Actor actor, UnitView unit, ReportPeriod period, String extra) {
        if (!finder.mayRead(actor, unit.id())) {
            ctx.reply("report.not-allowed");
            return;
        }
        show(ctx, actor, new Asked(unit, period, extra));
    }

    private static boolean looksLikePeriod(String word) {
        String w = Texts.fold(word);
        return w.matches(".*\\d.*") || w.startsWith("nhiem");
    }
}
