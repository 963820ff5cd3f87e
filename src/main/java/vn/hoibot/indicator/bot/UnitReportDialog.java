package vn.hoibot.indicator.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorRecords;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitReportView;
import vn.hoibot.org.UnitView;

/**
 * {@code /nopbaocao [period]}: the commune chair's unit period report (báo cáo của cơ sở) for one half-year or year
 * (default: the half-year that ended last), all by buttons: does the unit run "1+1", does it run {@code 3 có, 3 biết}, then
 * the bot's own evidence beside her answers and a confirm. A report already given for the period is replaced only
 * after she confirms. Every step travels in the button's payload, so a restart loses nothing.
 */
@Component
class UnitReportDialog extends ChairCommand<UnitReportDialog.Step> {

    static final String STEP = "indicator.report.step";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** Where she is: the stage to do next, her answers so far, and (for ADD) the records command to start. */
    record Step(long unitId, String period, Stage stage, Boolean onePlusOne, Boolean threeThree, String command) {

        Step(long unitId, String period, Stage stage, Boolean onePlusOne, Boolean threeThree) {
            this(unitId, period, stage, onePlusOne, threeThree, null);
        }
    }

    enum Stage {
        ASK_ONE, ASK_THREE, CONFIRM, SEND, CANCEL, ADD
    }

    /** The records commands the confirm step offers, to add what the bot's records lack before sending. */
    static final List<String> ADDS = List.of("ketdoi", "mohinh", "nguonluc", "thammuu", "phattriendang", "phucap");



    private final IndicatorRecords records;
    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final ChairScope scope;
    private final Clock clock;
    private final ObjectProvider<ChairCommand<?>> commands;

    UnitReportDialog(IndicatorRecords records, IndicatorEngine engine, ReportPeriods periods, ChairScope scope,
            Clock clock, ObjectProvider<ChairCommand<?>> commands) {
        super("nopbaocao", STEP, Step.class);
        this.records = records;
        this.engine = engine;
        this.periods = periods;
        this.scope = scope;
        this.clock = clock;
        this.commands = commands; // looked up when pressed: this dialog is one of them
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        UnitView unit = scope.commune(scope.actor(ctx)).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.report.not-chair");
            return;
        }
        ReportPeriod period = args.isBlank() ? lastEndedHalf() : periods.parse(args);
        if (!period.isReportingPeriod()) {
            throw new UserFacingException("indicator.report.not-a-reporting-period", period.label());
        }
        if (period.from().isAfter(LocalDate.now(clock))) {
            throw new UserFacingException("indicator.period.future", period.label());
        }
        Optional<UnitReportView> earlier = records.reportFor(unit.id(), period);
        if (earlier.isPresent()) {
            ctx.reply(ctx.message("indicator.report.replace", unit.name(), period.label(),
                    WHEN.format(earlier.get().submittedAt().atZone(zone())))
                    .withButtons(List.of(List.of(
                            ctx.button("indicator.report.button.replace", STEP,
                                    new Step(unit.id(), period.label(), Stage.ASK_ONE, null, null)),
                            ctx.button("indicator.report.button.cancel", STEP,
                                    new Step(unit.id(), period.label(), Stage.CANCEL, null, null))))));
            return;
        }
        askOne(ctx, unit, period);
    }

    @Override
    public void onPress(ChatContext ctx, Step step, String messageId) {
        Actor actor = scope.actor(ctx);
        UnitView unit = scope.pressed(actor, step.unitId()).orElse(null);
        if (unit == null) {
            ctx.reply("indicator.report.not-chair");
            return;
        }
        ReportPeriod period = periods.parse(step.period());
        switch (step.stage()) {
            case ASK_ONE -> askOne(ctx, unit, period);
            case ASK_THREE -> ctx.reply(ctx.message("indicator.report.ask-three", unit.name(), period.label())
                    .withButtons(yesNo(ctx, step, Stage.CONFIRM, false)));
            case CONFIRM -> confirm(ctx, unit, period, step);
            case SEND -> {
                records.submitReport(unit.id(), period, step.onePlusOne(), step.threeThree(), null, actor.memberId());
                ctx.reply("indicator.report.sent", unit.name(), period.label(),
                        WHEN.format(clock.instant().atZone(zone())));
            }
            case CANCEL -> ctx.reply("indicator.report.cancelled");
            case ADD -> {
                // the records command's first step, as if she had typed it: it checks her again itself
                CommandHandler command = commands.stream()
                        .filter(c -> ADDS.contains(c.command()) && c.command().equals(step.command())).findFirst()
                        .orElseThrow(() -> new UserFacingException("chat.button.expired"));
                command.handle(ctx, "");
            }
        }
    }

    private void askOne(ChatContext ctx, UnitView unit, ReportPeriod period) {
        Step step = new Step(unit.id(), period.label(), Stage.ASK_THREE, null, null);
        ctx.reply(ctx.message("indicator.report.ask-one", unit.name(), period.label())
                .withButtons(yesNo(ctx, step, Stage.ASK_THREE, true)));
    }

    /** Yes / no buttons that record the answer to the current question and go on to {@code next}. */
    private static List<List<Button>> yesNo(ChatContext ctx, Step step, Stage next, boolean answersOne) {
        Step yes = answersOne ? new Step(step.unitId(), step.period(), next, true, null)
                : new Step(step.unitId(), step.period(), next, step.onePlusOne(), true);
        Step no = answersOne ? new Step(step.unitId(), step.period(), next, false, null)
                : new Step(step.unitId(), step.period(), next, step.onePlusOne(), false);
        return List.of(List.of(ctx.button("indicator.report.button.yes", STEP, yes),
                ctx.button("indicator.report.button.no", STEP, no)));
    }

    private void confirm(ChatContext ctx, UnitView unit, ReportPeriod period, Step step) {
        if (step.onePlusOne() == null || step.threeThree() == null) {
            throw new UserFacingException("chat.button.expired");
        }
        CommuneResult evidence = engine.compute(unit.id(), period).communes().stream()
                .filter(c -> c.id() == unit.id()).findFirst().orElseThrow();
        String components = String.join(", ", IndicatorEngine.COMPONENTS.stream()
                .map(c -> c + (evidence.components().get(c) ? " ✅" : " ❌")).toList());
        boolean pairing = evidence.indicator("I1").map(v -> v.numerator() > 0).orElse(false);
        ctx.reply(ctx.message("indicator.report.with-records", ctx.text("indicator.report.confirm", unit.name(),
                period.label(),
                ctx.text(step.onePlusOne() ? "indicator.report.yes" : "indicator.report.no"),
                ctx.text(step.threeThree() ? "indicator.report.yes" : "indicator.report.no"),
                ctx.text(pairing ? "indicator.report.evidence-pairing" : "indicator.report.evidence-no-pairing"),
                components), records(ctx, evidence)).withButtons(buttons(ctx, unit, period, step)));
    }

    /** What the bot's records say for the period: the records behind I1, I3, C3, I6, I4 and I7 of the unit. */
    private static String records(ChatContext ctx, CommuneResult evidence) {
        return ctx.text("indicator.report.records", has(ctx, evidence, "I1"), has(ctx, evidence, "I3"),
                ctx.text(evidence.components().get("C3") ? "indicator.report.yes" : "indicator.report.no"),
                has(ctx, evidence, "I6"), share(evidence, "I4"), share(evidence, "I7"));
    }

    private static String has(ChatContext ctx, CommuneResult evidence, String id) {
        boolean yes = evidence.indicator(id).map(v -> v.numerator() > 0).orElse(false);
        return ctx.text(yes ? "indicator.report.yes" : "indicator.report.no");
    }

    private static String share(CommuneResult evidence, String id) {
        return evidence.indicator(id).map(v -> v.numerator() + "/" + (v.denominator() == null ? 0 : v.denominator()))
                .orElse("0/0");
    }

    /** Send and cancel, then one button a row for each records command, to add what is missing. */
    private List<List<Button>> buttons(ChatContext ctx, UnitView unit, ReportPeriod period, Step step) {
        List<List<Button>> rows = new java.util.ArrayList<>();
        rows.add(List.of(
                ctx.button("indicator.report.button.send", STEP, new Step(unit.id(), period.label(), Stage.SEND,
                        step.onePlusOne(), step.threeThree())),
                ctx.button("indicator.report.button.cancel", STEP, new Step(unit.id(), period.label(), Stage.CANCEL,
                        null, null))));
        for (String command : ADDS) {
            rows.add(List.of(ctx.button("indicator.report.add." + command, STEP, new Step(unit.id(), period.label(),
                    Stage.ADD, null, null, command))));
        }
        return rows;
    }

    /** The half-year that ended last before today. */
    private ReportPeriod lastEndedHalf() {
        ReportPeriod current = periods.currentHalf(LocalDate.now(clock));
        return periods.previous(current).orElseThrow();
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
