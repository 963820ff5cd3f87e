package vn.hoibot.indicator.bot;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.org.UnitView;

/**
 * {@code /mohinh <tên mô hình>}: the commune chair records a model attracting a special member group (I3) of her
 * commune unit: the name typed, then by buttons the target group ({@code indicator.model.group.N}, stored in
 * Vietnamese), whether it is effective, and its span. The same model (unit and name) recorded again corrects it:
 * the new record supersedes the old one.
 */
@Component
class ModelCommand extends ChairCommand<ModelCommand.Step> {

    static final String STEP = "indicator.model.step";
    static final int GROUPS = 5;
    static final int MAX_NAME = 200;

    /** The unit, the name typed, the group (0: not yet), effective (null: not yet), the span (null: not yet). */
    record Step(long unitId, String name, int group, Boolean effective, Span span) {
    }

    private final IndicatorRecords records;
    private final ReportPeriods periods;
    private final ChairScope scope;

    ModelCommand(IndicatorRecords records, ReportPeriods periods, ChairScope scope) {
        super("mohinh", STEP, Step.class);
        this.records = records;
        this.periods = periods;
        this.scope = scope;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.model.not-chair");
            return;
        }
        String name = args.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new UserFacingException("indicator.model.usage", MAX_NAME);
        }
        List<List<Button>> rows = IntStream.rangeClosed(1, GROUPS)
                .mapToObj(g -> List.of(ctx.button("indicator.model.group." + g, STEP, new Step(unit.id(), name, g,
                        null, null))))
                .toList();
        ctx.reply(ctx.message("indicator.model.ask-group", name, unit.name()).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        if (unit == null || step.name() == null || step.group() < 1 || step.group() > GROUPS) {
            ctx.reply("indicator.model.not-chair");
            return;
        }
        if (step.effective() == null) {
            ctx.edit(messageId, ctx.message("indicator.model.ask-effective", step.name()).withButtons(List.of(List.of(
                    ctx.button("indicator.report.button.yes", STEP, new Step(unit.id(), step.name(), step.group(),
                            true, null)),
                    ctx.button("indicator.report.button.no", STEP, new Step(unit.id(), step.name(), step.group(),
                            false, null))))));
            return;
        }
        if (step.span() == null) {
            ctx.edit(messageId, ctx.message("indicator.model.ask-span", step.name()).withButtons(Span.buttons(ctx,
                    STEP, span -> new Step(unit.id(), step.name(), step.group(), step.effective(), span))));
            return;
        }
        Span.Dates dates = step.span().dates(periods, scope.today());
        // stored in Vietnamese, whatever language she reads: the record is the union's
        String group = ctx.textIn(Messages.VIETNAMESE, "indicator.model.group." + step.group());
        Optional<Long> corrected = records.findCurrent(IndicatorRecords.Kind.MODEL, "unit_id", unit.id(), "name",
                step.name());
        records.correcting(IndicatorRecords.Kind.MODEL, corrected, () -> records.model(unit.id(), step.name(), group,
                dates.from(), dates.to(), step.effective(), actor.memberId()));
        ctx.edit(messageId, ctx.message(corrected.isPresent() ? "indicator.model.corrected"
                : "indicator.model.recorded", step.name(), unit.name(), ctx.text("indicator.model.group."
                        + step.group()), ctx.text(step.effective() ? "indicator.report.yes" : "indicator.report.no"),
                dates.describe(ctx)));
    }
}
