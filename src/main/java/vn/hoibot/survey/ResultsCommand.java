package vn.hoibot.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleGrant;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.survey.SurveyResults.Progress;
import vn.hoibot.survey.SurveyResults.QuestionFigures;
import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * /ketqua [run]: a run's results as text for a leader, inside her part of the audience: progress per child unit,
 * then per question the counts and shares of each choice, or mean, median, minimum and maximum. Names never appear.
 * A circumstances survey's figures are for branch heads and above; a provincial cadre's cells of fewer members
 * than {@code hoibot.survey.small-cell} show as "&lt;5".
 */
@Component
class ResultsCommand implements CommandHandler {

    private static final int LISTED = 10;

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final OrgService org;
    private final RunStore runs;
    private final DefinitionStore definitions;
    private final SurveyResults results;
    private final SurveyProperties properties;
    private final Clock clock;

    ResultsCommand(Accounts accounts, AccessPolicy policy, OrgService org, RunStore runs, DefinitionStore definitions,
            SurveyResults results, SurveyProperties properties, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.org = org;
        this.runs = runs;
        this.definitions = definitions;
        this.results = results;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String command() {
        return "ketqua";
    }

    @Override
    public String descriptionKey() {
        return "survey.results.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        List<Long> units = List.copyOf(policy.units(actor, Permission.RUN_SURVEY));
        if (units.isEmpty()) {
            throw new UserFacingException("survey.results.no-rights");
        }
        LocalDate today = ServiceZone.today(clock);
        if (args.isBlank()) {
            StringBuilder text = new StringBuilder(ctx.text("survey.results.list-head"));
            units.stream().flatMap(u -> runs.runsWithin(u, today, LISTED).stream()).distinct().limit(LISTED)
                    .forEach(run -> text.append('\n').append(ctx.text("survey.results.list-line", run.id(),
                            definitions.form(run.definitionId()).title().in(ctx.locale()), run.audience())));
            ctx.reply("survey.answer.plain", text.toString());
            return;
        }
        long runId;
        try {
            runId = Long.parseLong(args.strip().replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UserFacingException("survey.results.usage");
        }
        SurveyRun run = runs.find(runId).orElseThrow(() -> new UserFacingException("survey.run.unknown"));
        long scope = scope(actor, units, run, today).orElseThrow(() -> new UserFacingException("survey.results.no-rights"));
        SurveyForm form = definitions.form(run.definitionId());
        if (form.sensitive() && !holds(actor, Role.BRANCH_HEAD, scope, today)) {
            throw new UserFacingException("survey.results.sensitive");
        }
        boolean suppress = cadreOnly(actor, scope, today);
        ctx.reply("survey.answer.plain", render(ctx, run, form, scope, today, suppress));
    }

    /** The run's own unit when she leads it, else the unit of hers that lies inside the run's audience. */
    private Optional<Long> scope(Actor actor, List<Long> units, SurveyRun run, LocalDate today) {
        if (policy.can(actor, Permission.RUN_SURVEY, run.unitId())) {
            return Optional.of(run.unitId());
        }
        return units.stream().filter(u -> org.isWithin(u, run.unitId(), today)).findFirst();
    }

    private boolean holds(Actor actor, Role role, long unit, LocalDate today) {
        return actor.admin() || actor.grants().stream().anyMatch(g -> g.role().atLeast(role) && covers(g, unit, today));
    }

    /** Whether every grant of hers that covers the unit is a provincial cadre's (she sees suppressed cells). */
    private boolean cadreOnly(Actor actor, long unit, LocalDate today) {
        List<RoleGrant> covering = actor.grants().stream().filter(g -> covers(g, unit, today)).toList();
        return !actor.admin() && !covering.isEmpty()
                && covering.stream().allMatch(g -> g.role() == Role.PROVINCIAL_CADRE);
    }

    private boolean covers(RoleGrant g, long unit, LocalDate today) {
        return g.unitId() == unit || org.isWithin(unit, g.unitId(), today);
    }

    private String render(ChatContext ctx, SurveyRun run, SurveyForm form, long scope, LocalDate today,
            boolean suppress) {
        Locale locale = ctx.locale();
        StringBuilder text = new StringBuilder(ctx.text("survey.results.title", form.title().in(locale), run.id(),
                run.opensAt().atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY),
                run.closesAt().minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY)));
        text.append("\n\n").append(ctx.text("survey.results.progress-head"));
        UnitView unit = org.find(scope).orElseThrow();
        appendProgress(ctx, text, unit.name(), results.progress(run.id(), scope, today), suppress);
        for (UnitView child : org.children(scope, today)) {
            appendProgress(ctx, text, child.name(), results.progress(run.id(), child.id(), today), suppress);
        }
        int n = 0;
        for (QuestionFigures f : results.figures(run.id(), form, scope, today)) {
            n++;
            text.append("\n\n").append(ctx.text("survey.results.question", n, f.question().label().in(locale),
                    cell(ctx, f.answered(), suppress)));
            if (f.question().type().select()) {
                for (Choice c : form.choicesOf(f.question())) {
                    long count = f.choices().getOrDefault(c.name(), 0L);
                    boolean hidden = suppress && count > 0 && count < properties.smallCell();
                    text.append('\n').append(ctx.text("survey.results.choice", c.label().in(locale),
                            cell(ctx, count, suppress), hidden || f.answered() == 0 ? "–"
                                    : Math.round(100.0 * count / f.answered())));
                }
            } else if (f.question().type().numeric() && !f.numbers().isEmpty()
                    && !(suppress && f.numbers().size() < properties.smallCell())) {
                List<BigDecimal> v = f.numbers();
                BigDecimal sum = v.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                text.append('\n').append(ctx.text("survey.results.numbers", plain(sum.divide(
                        BigDecimal.valueOf(v.size()), 2, RoundingMode.HALF_UP)), plain(median(v)),
                        plain(v.get(0)), plain(v.get(v.size() - 1))));
            }
        }
        return text.toString();
    }

    private void appendProgress(ChatContext ctx, StringBuilder text, String name, Progress p, boolean suppress) {
        text.append('\n').append(ctx.text("survey.results.progress-line", name, cell(ctx, p.invited(), suppress),
                cell(ctx, p.finished(), suppress), cell(ctx, p.started(), suppress),
                cell(ctx, p.notStarted(), suppress)));
    }

    private String cell(ChatContext ctx, long count, boolean suppress) {
        return suppress && count > 0 && count < properties.smallCell()
                ? ctx.text("survey.results.small", properties.smallCell()) : Long.toString(count);
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
