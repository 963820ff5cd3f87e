package vn.hoibot.admin;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundFallback;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.RosterImporter;
import vn.hoibot.org.UnitImporter;
import vn.hoibot.access.Actor;
import vn.hoibot.text.Texts;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.ImportReports;

/**
 * An admin sends a roster (or, captioned "don vi" with or without accents, a units list) as CSV or XLSX: it is imported and the report
 * comes back, one line per bad row. Captioned "nghiem ngat" (accents optional) or "strict", nothing is applied if any row is bad.
 */
@Component
class RosterUpload implements InboundFallback.Files {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final Accounts accounts;
    private final RosterImporter roster;
    private final UnitImporter units;
    private final ImportReports reports;

    RosterUpload(Accounts accounts, RosterImporter roster, UnitImporter units, ImportReports reports) {
        this.accounts = accounts;
        this.roster = roster;
        this.units = units;
        this.reports = reports;
    }

    @Override
    public void onFile(ChatContext ctx, Inbound.FileReceived file) {
        Actor actor = accounts.actor(ctx.sender());
        if (!actor.admin()) {
            ctx.reply("chat.file.unexpected");
            return;
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        if (file.photo() || !(name.endsWith(".csv") || name.endsWith(".xlsx"))) {
            throw new UserFacingException("member.upload.format");
        }
        if (file.size() > MAX_BYTES) {
            throw new UserFacingException("member.upload.too_large");
        }
        String caption = Texts.fold(file.caption()); // accents and case folded, so Nghiêm ngặt reads nghiem ngat
        boolean strict = caption.contains("nghiem") || caption.contains("strict");
        boolean unitList = caption.contains("don vi") || caption.contains("units");
        byte[] content = ctx.download(file.fileRef());
        ImportOptions options = new ImportOptions(strict, null);
        ImportReport report = unitList ? units.importUnits(new ByteArrayInputStream(content), name, options)
                : roster.importRoster(new ByteArrayInputStream(content), name, options);
        List<String> lines = reports.render(report, unitList ? "org.import.summary" : "member.import.summary",
                ctx.locale());
        ctx.reply(ctx.message("member.upload.report", String.join("\n", lines)));
    }
}
