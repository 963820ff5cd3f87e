package vn.hoibot.indicator.bot;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.UnitView;

/**
 * {@code /phucap}: the commune chair records the monthly allowance of a branch head of her commune unit (I7), by
 * buttons: the branch head, then the span (the current half-year, the current year, or from today with no end). A
 * new allowance of the same branch head overlapping her current one corrects it: it supersedes it, nothing is
 * overwritten.
 */
@Component
class AllowanceCommand extends ChairCommand<AllowanceCommand.Step> {

    static final String STEP = "indicator.allowance.step";

    /** The unit, the branch head chosen, the span chosen (null: not yet). */
    record Step(long unitId, long memberId, Span span) {
    }

    private final IndicatorRecords records;
    private final ReportPeriods periods;
    private final ChairScope scope;

    AllowanceCommand(IndicatorRecords records, ReportPeriods periods, ChairScope scope) {
        super("phucap", STEP, Step.class);
        this.records = records;
        this.periods = periods;
        this.scope = scope;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.allowance.not-chair");
            return;
        }
        List<List<Button>> rows = scope.heads(unit.id()).stream()
                .map(h -> List.of(ctx.buttonLabelled(h.name() + " (" + h.branch() + ")", STEP,
                        new Step(unit.id(), h.memberId(), null))))
                .toList();
        if (rows.isEmpty()) {
            ctx.reply("indicator.allowance.no-heads", unit.name());
            return;
        }
        ctx.reply(ctx.message("indicator.allowance.ask-head", unit.name()).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        ChairScope.Head head = unit == null ? null : scope.head(unit.id(), step.memberId()).orElse(null);
        if (head == null) {
            ctx.reply("indicator.allowance.not-chair");
            return;
        }
        if (step.span() == null) {
            ctx.edit(messageId, ctx.message("indicator.allowance.ask-span", head.name(), head.branch())
                    .withButtons(Span.buttons(ctx, STEP, span -> new Step(unit.id(), head.memberId(), span))));
            return;
        }
        Span.Dates dates = step.span().dates(periods, scope.today());
        Optional<Long> corrected = records.findCurrentOverlapping(IndicatorRecords.Kind.ALLOWANCE, dates.from(),
                dates.to(), "member_id", head.memberId());
        records.correcting(IndicatorRecords.Kind.ALLOWANCE, corrected,
                () -> records.allowance(head.memberId(), dates.from(), dates.to(), actor.memberId()));
        ctx.edit(messageId, ctx.message(corrected.isPresent() ? "indicator.allowance.corrected"
                : "indicator.allowance.recorded", head.name(), head.branch(), dates.describe(ctx)));
    }
}
