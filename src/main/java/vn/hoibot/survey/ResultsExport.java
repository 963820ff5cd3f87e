package vn.hoibot.survey;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * A run's results as a file, sent by the bot as a document: XLSX in KoBo's export layout (responses, questions,
 * aggregates; {@link ExportSheets}) or the responses as CSV. What she sees follows {@link ResultsAccess}: a
 * provincial cadre gets the aggregates only (small cells suppressed), a sensitive survey's responses come only for
 * the members whose branch head or commune chair she is, names only beside her own branch's and commune's members.
 * Every export is recorded ({@link ExportLog}: who, which run, which unit, which format, what detail), never its
 * content. The file is built after the update's transaction, streamed from the database.
 */
@Component
class ResultsExport implements ButtonAction<ResultsExport.Export> {

    enum Format {
        XLSX, CSV;

        static Optional<Format> of(String word) {
            return switch (word.strip().toLowerCase(Locale.ROOT)) {
                case "xlsx", "excel" -> Optional.of(XLSX);
                case "csv" -> Optional.of(CSV);
                default -> Optional.empty();
            };
        }
    }

    /** Sends run {@code run}'s results in that format. */
    record Export(long run, String format) {
    }

    static final String ACTION = "survey.export";

    private final Accounts accounts;
    private final ResultsAccess access;
    private final RunStore runs;
    private final DefinitionStore definitions;
    private final ExportSheets sheets;
    private final ExportLog log;
    private final Clock clock;

    ResultsExport(Accounts accounts, ResultsAccess access, RunStore runs, DefinitionStore definitions,
            ExportSheets sheets, ExportLog log, Clock clock) {
        this.accounts = accounts;
        this.access = access;
        this.runs = runs;
        this.definitions = definitions;
        this.sheets = sheets;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Export> payloadType() {
        return Export.class;
    }

    @Override
    public void onPress(ChatContext ctx, Export payload, String messageId) {
        send(ctx, accounts.actor(ctx.sender()), payload.run(), Format.valueOf(payload.format()));
    }

    void send(ChatContext ctx, Actor actor, long runId, Format format) {
        SurveyRun run = runs.find(runId).orElseThrow(() -> new UserFacingException("survey.run.unknown"));
        SurveyForm form = definitions.form(run.definitionId());
        LocalDate today = ServiceZone.today(clock);
        ResultsAccess.View view = access.view(actor, run, form.sensitive(), today);
        log.record(run.id(), actor.memberId(), view.scope(), format.name(),
                view.cadre() ? ExportLog.AGGREGATES : ExportLog.RESPONSES, clock.instant());
        Locale locale = ctx.locale();
        String name = "ketqua-" + form.formId() + "-" + run.id() + "." + format.name().toLowerCase(Locale.ROOT);
        String caption = view.cadre() ? "survey.export.caption-aggregates" : "survey.export.caption";
        ctx.replyLater(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sheets.write(out, format, view, form, today, locale);
            return ctx.message(caption, form.title().in(locale), run.id())
                    .withAttachment(Attachment.document(name, out.toByteArray()));
        });
    }
}
