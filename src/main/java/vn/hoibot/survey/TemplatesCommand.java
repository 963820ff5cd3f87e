package vn.hoibot.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * /mauphieu: the survey definitions a leader may launch (built in, or sent to the bot: when), each with a button that
 * sends it as an XLSForm workbook ({@code /mauphieu <form id>} does the same), to edit in Excel and send back.
 */
@Component
class TemplatesCommand implements CommandHandler, ButtonAction<TemplatesCommand.Send> {

    /** Sends this definition as a workbook. */
    record Send(String form) {
    }

    static final String ACTION = "survey.template";

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final FormLibrary library;

    TemplatesCommand(Accounts accounts, AccessPolicy policy, FormLibrary library) {
        this.accounts = accounts;
        this.policy = policy;
        this.library = library;
    }

    @Override
    public String command() {
        return "mauphieu";
    }

    @Override
    public String descriptionKey() {
        return "survey.templates.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Send> payloadType() {
        return Send.class;
    }

    private Actor leader(ChatContext ctx) {
        Actor actor = accounts.actor(ctx.sender());
        if (!library.mayUpload(actor) && policy.units(actor, Permission.RUN_SURVEY).isEmpty()) {
            throw new UserFacingException("survey.templates.no-rights");
        }
        return actor;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = leader(ctx);
        if (!args.isBlank()) {
            send(ctx, actor, args.strip());
            return;
        }
        Locale locale = ctx.locale();
        StringBuilder text = new StringBuilder(ctx.text("survey.templates.head"));
        List<List<Button>> rows = new ArrayList<>();
        for (FormLibrary.Entry entry : library.visibleTo(actor)) {
            SurveyForm form = entry.form();
            String origin = entry.upload() == null ? ctx.text("survey.templates.from-config")
                    : ctx.text("survey.templates.from-upload", entry.upload().uploadedAt()
                            .atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY));
            text.append('\n').append(ctx.text("survey.templates.line", form.title().in(locale), form.formId(),
                    form.version(), form.answerableCount(), origin));
            rows.add(List.of(ctx.buttonLabelled("📎 " + form.title().in(locale), ACTION, new Send(form.formId()))));
        }
        text.append("\n\n").append(ctx.text(library.mayUpload(actor) ? "survey.templates.how-to-upload"
                : "survey.templates.how-to-get"));
        ctx.reply(ctx.message("survey.answer.plain", text.toString()).withButtons(rows));
    }

    @Override
    public void onPress(ChatContext ctx, Send payload, String messageId) {
        send(ctx, leader(ctx), payload.form());
    }

    private void send(ChatContext ctx, Actor actor, String formId) {
        FormLibrary.Entry entry = library.find(actor, formId)
                .orElseThrow(() -> new UserFacingException("survey.templates.unknown", formId));
        ctx.reply(ctx.message("survey.templates.file-caption", entry.form().title().in(ctx.locale()))
                .withAttachment(Attachment.document(formId + ".xlsx", FormSheets.xlsx(library.raw(entry)))));
    }
}
