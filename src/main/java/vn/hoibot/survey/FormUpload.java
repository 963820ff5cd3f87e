package vn.hoibot.survey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundFallback;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.spreadsheet.SpreadsheetReader;
import vn.hoibot.survey.form.DefinitionError;
import vn.hoibot.survey.form.DefinitionErrors;
import vn.hoibot.text.Texts;

/**
 * An admin or a commune chair sends an XLSForm workbook as a document: the bot reads it (within the upload limits:
 * size, uncompressed size, rows), validates it with the one validator and answers with the survey's title, its
 * question count and a preview, or with every error (file, sheet, row, reason) and nothing loaded. Asked before the
 * roster upload: an admin's file is taken only when it is a workbook with a {@code survey} sheet (or her caption
 * says it is a survey), so rosters still reach the roster import.
 */
@Component
@Order(100)
class FormUpload implements InboundFallback.Files {

    private static final int MAX_ERRORS = 30;

    private final Accounts accounts;
    private final FormLibrary library;
    private final SurveyProperties properties;
    private final Messages messages;

    FormUpload(Accounts accounts, FormLibrary library, SurveyProperties properties, Messages messages) {
        this.accounts = accounts;
        this.library = library;
        this.properties = properties;
        this.messages = messages;
    }

    @Override
    public boolean accepts(ChatContext ctx, Inbound.FileReceived file) {
        Actor actor = accounts.actor(ctx.sender());
        if (!library.mayUpload(actor)) {
            return false;
        }
        if (!actor.admin()) {
            return true; // a chair sends no rosters: whatever she sends is meant as a survey
        }
        String caption = Texts.fold(file.caption());
        if (caption.contains("khao sat") || caption.contains("mau phieu") || caption.contains("xlsform")
                || caption.contains("survey")) {
            return true;
        }
        if (file.photo() || !xlsx(file) || file.size() > properties.maxUploadBytes()) {
            return false;
        }
        try {
            return SpreadsheetReader.read(new ByteArrayInputStream(ctx.download(file.fileRef())), file.fileName(),
                    properties.spreadsheetLimits()).sheet("survey").isPresent();
        } catch (UserFacingException e) {
            return false; // not a readable workbook: the roster import says why
        }
    }

    @Override
    public void onFile(ChatContext ctx, Inbound.FileReceived file) {
        Actor actor = accounts.actor(ctx.sender());
        if (file.photo() || !xlsx(file)) {
            throw new UserFacingException("survey.upload.format");
        }
        if (file.size() > properties.maxUploadBytes()) {
            throw new UserFacingException("survey.upload.too-large", file.fileName(),
                    Math.max(1, properties.maxUploadBytes() / (1024 * 1024)));
        }
        byte[] content = ctx.download(file.fileRef());
        FormLibrary.Uploaded uploaded = library.upload(actor, file.fileName(), content);
        if (!uploaded.valid()) {
            ctx.reply("survey.upload.rejected", file.fileName(), uploaded.errors().size(), errors(ctx, uploaded.errors()));
            return;
        }
        var form = uploaded.entry().form();
        Locale locale = ctx.locale();
        ctx.reply("survey.upload.loaded", form.title().in(locale), form.formId(), form.version(),
                form.answerableCount(), FormPreview.preview(messages, locale, form));
    }

    private String errors(ChatContext ctx, List<DefinitionError> errors) {
        List<String> lines = new ArrayList<>();
        for (DefinitionError e : errors.subList(0, Math.min(errors.size(), MAX_ERRORS))) {
            lines.add(ctx.text("survey.upload.error-line", DefinitionErrors.describe(messages, ctx.locale(), e)));
        }
        if (errors.size() > MAX_ERRORS) {
            lines.add(ctx.text("survey.upload.more-errors", errors.size() - MAX_ERRORS));
        }
        return String.join("\n", lines);
    }

    private static boolean xlsx(Inbound.FileReceived file) {
        return file.fileName() != null && file.fileName().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
