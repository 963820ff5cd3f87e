package vn.hoibot.report;

import java.time.Clock;
import java.util.List;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/**
 * A report command that reads the indicator engine: its answer is worked out once the update's transaction has
 * committed, outside it (the engine reads in its own read-only one), so a province-level report never holds the
 * chat's transaction.
 */
abstract class EngineCommand extends UnitPeriodCommand {

    EngineCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock) {
        super(finder, periods, accounts, clock);
    }

    /** The messages that answer her, computed after commit. */
    abstract List<Outbound> answer(ChatContext ctx, Actor actor, Asked asked);

    @Override
    final void show(ChatContext ctx, Actor actor, Asked asked) {
        ctx.repliesLater(() -> answer(ctx, actor, asked));
    }
}
