package vn.hoibot.indicator.bot;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundFallback;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.RecordsImporter;
import vn.hoibot.member.Accounts;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;
import vn.hoibot.spreadsheet.SpreadsheetLimits;
import vn.hoibot.spreadsheet.SpreadsheetReader;
import vn.hoibot.text.Texts;

/**
 * An admin sends a province's books (the file of {@code --import-records}: an XLSX workbook with the sheets of
 * docs/indicators.md, or one CSV named after its sheet, e.g. hoat_dong.csv): imported, the report comes back with
 * one line per bad row (sheet and row). Captioned "nghiem ngat" or "strict" (accents optional), nothing is applied
 * if any row is bad. Asked before the roster upload, which takes every other file of an admin.
 */
@Component
@Order(90)
class RecordsUpload implements InboundFallback.Files {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final RecordsImporter importer;
    private final ImportReports reports;

    RecordsUpload(Accounts accounts, AccessPolicy policy, RecordsImporter importer, ImportReports reports) {
        this.accounts = accounts;
        this.policy = policy;
        this.importer = importer;
        this.reports = reports;
    }

    @Override
    public boolean accepts(ChatContext ctx, Inbound.FileReceived file) {
        if (file.photo() || file.fileName() == null || file.size() > MAX_BYTES
                || !accounts.actor(ctx.sender()).admin()) {
            return false;
        }
        String name = file.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return RecordsImporter.sheetOf(name.substring(0, name.length() - 4)) != null;
        }
        if (!name.endsWith(".xlsx")) {
            return false;
        }
        try {
            return SpreadsheetReader.read(new ByteArrayInputStream(ctx.download(file.fileRef())), file.fileName(),
                    SpreadsheetLimits.DEFAULT).sheetNames().stream().anyMatch(s -> RecordsImporter.sheetOf(s) != null);
        } catch (UserFacingException e) {
            return false; // not a readable workbook: the roster import says why
        }
    }

    @Override
    public void onFile(ChatContext ctx, Inbound.FileReceived file) {
        Actor actor = accounts.actor(ctx.sender());
        if (!actor.admin()) {
            ctx.reply("chat.file.unexpected");
            return;
        }
        String caption = Texts.fold(file.caption());
        ImportOptions options = new ImportOptions(caption.contains("nghiem") || caption.contains("strict"), null);
        byte[] content = ctx.download(file.fileRef());
        ImportReport report = importer.importRecords(List.of(new RecordsImporter.Source(file.fileName(),
                new ByteArrayInputStream(content))), options, unit -> policy.can(actor, Permission.RESTRUCTURE, unit));
        List<String> lines = reports.render(report, "indicator.import.summary", ctx.locale());
        ctx.reply(ctx.message("indicator.import.report", String.join("\n", lines)));
    }
}
