package vn.hoibot.indicator.bot;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.PartyStage;
import vn.hoibot.org.UnitView;

/**
 * {@code /phattriendang [ngày]}: the commune chair records a step of party development of a branch head of her
 * commune unit (I4), dated today or on the day typed ({@code /phattriendang 15/3/2026}), by buttons: the branch
 * head, then the step (trained, introduced, admitted; {@code indicator.party.<STAGE>}). The same step of the same
 * branch head recorded again corrects its date: the new record supersedes the old one.
 */
@Component
class PartyStepCommand extends ChairCommand<PartyStepCommand.Step> {

    static final String STEP = "indicator.party.step";

    /** The unit, the day, the branch head chosen, the stage chosen (null: not yet). */
    record Step(long unitId, LocalDate on, long memberId, PartyStage stage) {
    }

    private final IndicatorRecords records;
    private final ChairScope scope;

    PartyStepCommand(IndicatorRecords records, ChairScope scope) {
        super("phattriendang", STEP, Step.class);
        this.records = records;
        this.scope = scope;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.party.not-chair");
            return;
        }
        LocalDate on = scope.typedDay(args, "indicator.party");
        List<List<Button>> rows = scope.heads(unit.id()).stream()
                .map(h -> List.of(ctx.buttonLabelled(h.name() + " (" + h.branch() + ")", STEP,
                        new Step(unit.id(), on, h.memberId(), null))))
                .toList();
        if (rows.isEmpty()) {
            ctx.reply("indicator.allowance.no-heads", unit.name());
            return;
        }
        ctx.reply(ctx.message("indicator.party.ask-head", unit.name(), ChairScope.DAY.format(on)).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        ChairScope.Head head = unit == null ? null : scope.head(unit.id(), step.memberId()).orElse(null);
        if (head == null || step.on() == null) {
            ctx.reply("indicator.party.not-chair");
            return;
        }
        if (step.stage() == null) {
            List<List<Button>> rows = Arrays.stream(PartyStage.values())
                    .map(s -> List.of(ctx.button("indicator.party." + s.name(), STEP,
                            new Step(unit.id(), step.on(), head.memberId(), s))))
                    .toList();
            ctx.edit(messageId, ctx.message("indicator.party.ask-stage", head.name(), head.branch(),
                    ChairScope.DAY.format(step.on())).withButtons(rows));
            return;
        }
        Optional<Long> corrected = records.findCurrent(IndicatorRecords.Kind.PARTY_STEP, "member_id",
                head.memberId(), "stage", step.stage().name());
        records.correcting(IndicatorRecords.Kind.PARTY_STEP, corrected,
                () -> records.partyStep(head.memberId(), step.stage(), step.on(), actor.memberId()));
        ctx.edit(messageId, ctx.message(corrected.isPresent() ? "indicator.party.corrected"
                : "indicator.party.recorded", head.name(), head.branch(), ctx.text("indicator.party."
                        + step.stage().name()), ChairScope.DAY.format(step.on())));
    }
}
