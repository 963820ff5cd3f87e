package vn.hoibot.survey;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
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
 * than {@code hoibot.survey.small-cell} show as "&lt;5" (who sees what: {@link ResultsAccess}). Buttons under it, and
 * {@code /ketqua <run> xlsx|csv}, send the results as a file ({@link ResultsExport}).
 */
@Component
class ResultsCommand implements CommandHandler {

    private static final int LISTED = 10;

    private final Accounts accounts;
    private final ResultsAccess access;
    private final ResultsExport exports;
    private final OrgService org;
    private final RunStore runs;
    private final DefinitionStore definitions;
    private final SurveyResults results;
    private final SurveyProperties properties;
    private final Clock clock;

    ResultsCommand(Accounts accounts, ResultsAccess access, ResultsExport exports, OrgService org, RunStore runs,
            DefinitionStore definitions, SurveyResults results, SurveyProperties properties, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.exports = exports;
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
        List<Long> units = access.units(actor);
        LocalDate today = ServiceZone.today(clock);
        if (args.isBlank()) {
            StringBuilder text = new StringBuilder(ctx.text("survey.results.list-head"));
            units.stream().flatMap(u -> runs.runsWithin(u, today, LISTED).stream()).distinct().limit(LISTED)
                    .forEach(run -> text.append('\n').append(ctx.text("survey.results.list-line", run.id(),
                            definitions.form(run.definitionId()).title().in(ctx.locale()), run.audience())));
            ctx.reply("survey.answer.plain", text.toString());
            return;
        }
        String[] words = args.strip().split("\\s+");
        long runId;
        try {
            runId = Long.parseLong(words[0].replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UserFacingException("survey.results.usage");
        }
        if (words.length > 1) {
            exports.send(ctx, actor, runId, ResultsExport.Format.of(words[1])
                    .orElseThrow(() -> new UserFacingException("survey.results.usage")));
            return;
        }
        SurveyRun run = runs.find(runId).orElseThrow(() -> new UserFacingException("survey.run.unknown"));
        SurveyForm form = definitions.form(run.definitionId());
        ResultsAccess.View view = access.view(actor, run, form.sensitive(), today);
        ctx.reply(ctx.message("survey.answer.plain", render(ctx, run, form, view.scope(), today, view.cadre()))
                .withButtons(List.of(List.of(
                        ctx.button("survey.export.xlsx-button", ResultsExport.ACTION,
                                new ResultsExport.Export(runId, ResultsExport.Format.XLSX.name())),
                        ctx.button("survey.export.csv-button", ResultsExport.ACTION,
                                new ResultsExport.Export(runId, ResultsExport.Format.CSV.name()))))));
    }

    private String render(ChatContext ctx, SurveyRun run, SurveyForm form, long scope, LocalDate today,
            boolean suppress) {
        Locale locale = ctx.locale();
        StringBuilder text = new StringBuilder(ctx.text("survey.results.title", form.title().in(locale), run.id(),
                run.opensAt().atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY),
                run.closesAt().minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY)));
        text.append("\n\n").append(ctx.text("survey.results.progress-head"));
        UnitView unit = org.find(scope).orElseThrow();
        Map<Long, Progress> progress = results.progressByChild(run.id(), scope, today);
        appendProgress(ctx, text, unit.name(), progress.get(scope), suppress);
        for (UnitView child : org.children(scope, today)) {
            appendProgress(ctx, text, child.name(), progress.getOrDefault(child.id(), new Progress(0, 0, 0)),
                    suppress);
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
                text.append('\n').append(ctx.text("survey.results.numbers", plain(SurveyResults.mean(v)),
                        plain(SurveyResults.median(v)), plain(v.get(0)), plain(v.get(v.size() - 1))));
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

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
