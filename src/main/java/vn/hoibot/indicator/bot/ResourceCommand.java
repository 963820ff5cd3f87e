package vn.hoibot.indicator.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.ResourceKind;
import vn.hoibot.org.UnitView;

/**
 * {@code /nguonluc}: the commune chair records a resource of her commune unit (fund, sponsor, support in kind; C3 of
 * the plan's "three haves, three knows") by buttons: the kind, then its span (the current half-year, the current year, or from today with
 * no end). Every step travels in the button's payload, so a restart loses nothing; the record is dated and carries
 * who made it.
 */
@Component
class ResourceCommand extends ChairCommand<ResourceCommand.Step> {

    static final String STEP = "indicator.resource.step";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The unit, the kind chosen (null: not yet), the span chosen (null: not yet). */
    record Step(long unitId, ResourceKind kind, Span span) {
    }

    private final IndicatorRecords records;
    private final ReportPeriods periods;
    private final ChairScope scope;
    private final Clock clock;

    ResourceCommand(IndicatorRecords records, ReportPeriods periods, ChairScope scope, Clock clock) {
        super("nguonluc", STEP, Step.class);
        this.records = records;
        this.periods = periods;
        this.scope = scope;
        this.clock = clock;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.resource.not-chair");
            return;
        }
        List<List<Button>> rows = new java.util.ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            rows.add(List.of(ctx.button("indicator.resource." + kind.name(), STEP, new Step(unit.id(), kind, null))));
        }
        ctx.reply(ctx.message("indicator.resource.ask-kind", unit.name()).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        if (unit == null || step.kind() == null) {
            ctx.reply("indicator.resource.not-chair");
            return;
        }
        String kind = ctx.text("indicator.resource." + step.kind().name());
        LocalDate today = LocalDate.now(clock);
        if (step.span() == null) {
            ctx.edit(messageId, ctx.message("indicator.resource.ask-span", kind, unit.name())
                    .withButtons(Span.buttons(ctx, STEP, span -> new Step(unit.id(), step.kind(), span))));
            return;
        }
        Span.Dates dates = step.span().dates(periods, today);
        LocalDate from = dates.from();
        LocalDate to = dates.to();
        records.resource(unit.id(), step.kind(), from, to, actor.memberId());
        // the buttons give way to what was recorded, so a second tap finds nothing to press
        ctx.edit(messageId, to == null
                ? ctx.message("indicator.resource.recorded-open", kind, unit.name(), DAY.format(from))
                : ctx.message("indicator.resource.recorded", kind, unit.name(), DAY.format(from),
                        DAY.format(to)));
    }
}
