package vn.hoibot.indicator.bot;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.org.UnitView;

/**
 * {@code /thammuu [ngày]}: the commune chair records a proposal of her commune unit to take part in a national target
 * programme (I6), dated today or on the day typed ({@code /thammuu 15/3/2026}); the programme is a button (the
 * three national target programmes, {@code indicator.programme.N}). The choice travels in the button's payload.
 */
@Component
class ProposalCommand extends ChairCommand<ProposalCommand.Choice> {

    static final String CHOICE = "indicator.proposal.choice";
    static final int PROGRAMMES = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The unit, the day of the proposal and the programme chosen (1 … {@value #PROGRAMMES}). */
    record Choice(long unitId, LocalDate on, int programme) {
    }

    private final IndicatorRecords records;
    private final ChairScope scope;

    ProposalCommand(IndicatorRecords records, ChairScope scope) {
        super("thammuu", CHOICE, Choice.class);
        this.records = records;
        this.scope = scope;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.proposal.not-chair");
            return;
        }
        LocalDate on = scope.typedDay(args, "indicator.proposal");
        List<List<Button>> rows = new ArrayList<>();
        for (int p = 1; p <= PROGRAMMES; p++) {
            rows.add(List.of(ctx.button("indicator.programme." + p, CHOICE, new Choice(unit.id(), on, p))));
        }
        ctx.reply(ctx.message("indicator.proposal.ask", unit.name(), DAY.format(on)).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Choice choice, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, choice.unitId()).orElse(null);
        if (unit == null || choice.programme() < 1 || choice.programme() > PROGRAMMES || choice.on() == null) {
            ctx.reply("indicator.proposal.not-chair");
            return;
        }
        // stored in Vietnamese, whatever language she reads: the record is the union's, not hers
        String programme = ctx.textIn(Messages.VIETNAMESE, "indicator.programme." + choice.programme());
        records.proposal(unit.id(), choice.on(), programme, actor.memberId());
        ctx.edit(messageId, ctx.message("indicator.proposal.recorded", unit.name(), DAY.format(choice.on()),
                ctx.text("indicator.programme." + choice.programme())));
    }
}
