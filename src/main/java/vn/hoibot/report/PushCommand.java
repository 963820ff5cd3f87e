package vn.hoibot.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/**
 * {@code /chuabaocao [unit] [period]}: the commune units without their report for the period and the branches
 * with no activity held in the last full month, each with its responsible leaders; a {@code Nhắc tất cả} button sends
 * them a polite reminder through the outbox ({@link NudgeAction}).
 */
@Component
class PushCommand extends EngineCommand {

    static final int MAX_LINES = 40;

    private final Pushes pushes;

    PushCommand(UnitFinder finder, ReportPeriods periods, Accounts accounts, Clock clock, Pushes pushes) {
        super(finder, periods, accounts, clock);
        this.pushes = pushes;
    }

    @Override
    public String command() {
        return "chuabaocao";
    }

    @Override
    public String descriptionKey() {
        return "report.command.chuabaocao";
    }

    @Override
    List<Outbound> answer(ChatContext ctx, Actor actor, Asked asked) {
        Pushes.Found found = pushes.find(asked.unit().id(), asked.period());
        List<String> lines = new ArrayList<>();
        lines.add(ctx.text("report.push.title", asked.unit().name()));
        lines.add(found.notReported().isEmpty() ? ctx.text("report.push.all-reported", asked.period().label())
                : ctx.text("report.push.not-reported", asked.period().label(), found.notReported().size(),
                        found.report().communes().size()));
        lines.addAll(describe(ctx, found.notReported()));
        lines.add("");
        lines.add(found.idle().isEmpty() ? ctx.text("report.push.no-idle", found.lastMonth().label())
                : ctx.text("report.push.idle", found.lastMonth().label(), found.idle().size()));
        lines.addAll(describe(ctx, found.idle()));
        Outbound reply = Outbound.text(ctx.sender().chatId(), String.join("\n", lines));
        boolean anyLeader = found.all().stream().anyMatch(t -> !t.leaders().isEmpty());
        if (anyLeader) {
            reply = reply.withButtons(List.of(List.of(ctx.button("report.push.nudge-all", NudgeAction.ACTION,
                    new NudgeAction.Nudge(asked.unit().id(), asked.period().label())))));
        }
        return List.of(reply);
    }

    static List<String> describe(ChatContext ctx, List<Pushes.Target> targets) {
        List<String> out = new ArrayList<>();
        for (Pushes.Target t : targets.subList(0, Math.min(MAX_LINES, targets.size()))) {
            out.add(t.leaders().isEmpty() ? ctx.text("report.push.line-no-leader", t.name())
                    : ctx.text("report.push.line", t.name(),
                            String.join(", ", t.leaders().stream().map(Pushes.Leader::name).toList())));
        }
        if (targets.size() > MAX_LINES) {
            out.add(ctx.text("report.push.more", targets.size() - MAX_LINES));
        }
        return out;
    }
}
