package vn.hoibot.indicator.bot;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.PairingKind;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.UnitView;

/**
 * {@code /ketdoi [bên giúp - bên được giúp]}: the commune chair records a "1+1" pairing of her commune unit (I1), by
 * buttons: its kind ({@code indicator.pairing.<KIND>}); for a strong branch helping a weak one, the two branches of
 * her commune unit; for the other kinds, the two sides she typed (a phone number on the roster names the member,
 * else the name is kept as typed); then its span. The same pairing (kind and sides) overlapping a current one
 * corrects it: the new record supersedes the old one.
 */
@Component
class PairingCommand extends ChairCommand<PairingCommand.Step> {

    static final String STEP = "indicator.pairing.step";
    static final int MAX_SIDE = 120;

    /** The unit, the sides typed (null: none), the kind, the branches chosen, the span (null: not yet). */
    record Step(long unitId, String helper, String helped, PairingKind kind, Long helperBranch, Long helpedBranch,
            Span span) {

        Step with(PairingKind k, Long helperUnit, Long helpedUnit, Span s) {
            return new Step(unitId, helper, helped, k, helperUnit, helpedUnit, s);
        }
    }

    private final IndicatorRecords records;
    private final ReportPeriods periods;
    private final ChairScope scope;
    private final MemberDirectory directory;

    PairingCommand(IndicatorRecords records, ReportPeriods periods, ChairScope scope, MemberDirectory directory) {
        super("ketdoi", STEP, Step.class);
        this.records = records;
        this.periods = periods;
        this.scope = scope;
        this.directory = directory;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.pairing.not-chair");
            return;
        }
        String helper = null;
        String helped = null;
        if (!args.isBlank()) {
            String[] sides = args.split("\\s+-\\s+|;", 2);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank() || sides[0].strip().length() > MAX_SIDE
                    || sides[1].strip().length() > MAX_SIDE) {
                throw new UserFacingException("indicator.pairing.usage");
            }
            helper = sides[0].strip();
            helped = sides[1].strip();
        }
        Step start = new Step(unit.id(), helper, helped, null, null, null, null);
        List<List<Button>> rows = Arrays.stream(PairingKind.values())
                .map(k -> List.of(ctx.button("indicator.pairing." + k.name(), STEP, start.with(k, null, null, null))))
                .toList();
        ctx.reply(ctx.message("indicator.pairing.ask-kind", unit.name()).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        if (unit == null || step.kind() == null) {
            ctx.reply("indicator.pairing.not-chair");
            return;
        }
        List<UnitView> branches = scope.branches(unit.id());
        Optional<UnitView> helperBranch = branch(branches, step.helperBranch());
        Optional<UnitView> helpedBranch = branch(branches, step.helpedBranch());
        String kind = ctx.text("indicator.pairing." + step.kind().name());
        if (step.kind() == PairingKind.BRANCH && (helperBranch.isEmpty() || helpedBranch.isEmpty())) {
            if (branches.size() < 2) {
                ctx.edit(messageId, ctx.message("indicator.pairing.no-branches", unit.name()));
                return;
            }
            boolean first = helperBranch.isEmpty();
            List<List<Button>> rows = branches.stream().filter(b -> first || b.id() != helperBranch.get().id())
                    .map(b -> List.of(ctx.buttonLabelled(b.name(), STEP, first ? step.with(step.kind(), b.id(), null,
                            null) : step.with(step.kind(), step.helperBranch(), b.id(), null))))
                    .toList();
            ctx.edit(messageId, ctx.message(first ? "indicator.pairing.ask-helper-branch"
                    : "indicator.pairing.ask-helped-branch", unit.name(), first ? "" : helperBranch.get().name())
                    .withButtons(rows));
            return;
        }
        if (step.kind() != PairingKind.BRANCH && step.helper() == null) {
            ctx.edit(messageId, ctx.message("indicator.pairing.need-sides", kind));
            return;
        }
        String helper = step.kind() == PairingKind.BRANCH ? helperBranch.get().name() : step.helper();
        String helped = step.kind() == PairingKind.BRANCH ? helpedBranch.get().name() : step.helped();
        if (step.span() == null) {
            ctx.edit(messageId, ctx.message("indicator.pairing.ask-span", kind, helper, helped).withButtons(
                    Span.buttons(ctx, STEP, s -> step.with(step.kind(), step.helperBranch(), step.helpedBranch(), s))));
            return;
        }
        Span.Dates dates = step.span().dates(periods, scope.today());
        Optional<Long> corrected = records.findCurrentOverlapping(IndicatorRecords.Kind.PAIRING, dates.from(),
                dates.to(), "kind", step.kind().name(), "unit_id", unit.id(), "helper_name", helper, "helped_name",
                helped);
        var pairing = new IndicatorRecords.NewPairing(step.kind(), unit.id(), step.helperBranch(),
                step.helpedBranch(), member(unit, step.helper()), member(unit, step.helped()), helper, helped,
                dates.from(), dates.to());
        records.correcting(IndicatorRecords.Kind.PAIRING, corrected, () -> records.pairing(pairing, actor.memberId()));
        ctx.edit(messageId, ctx.message(corrected.isPresent() ? "indicator.pairing.corrected"
                : "indicator.pairing.recorded", kind, helper, helped, unit.name(), dates.describe(ctx)));
    }

    private static Optional<UnitView> branch(List<UnitView> branches, Long id) {
        return id == null ? Optional.empty() : branches.stream().filter(b -> b.id() == id).findFirst();
    }

    /** The member a side names by her phone number, if she is on the roster of the commune unit's subtree. */
    private Long member(UnitView commune, String side) {
        if (side == null) {
            return null;
        }
        return directory.findByPhone(side).filter(m -> m.unitId() != null
                && scope.within(m.unitId(), commune.id())).map(MemberView::id).orElse(null);
    }
}
