package vn.hoibot.member;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.spreadsheet.Row;
import vn.hoibot.spreadsheet.SpreadsheetReader;
import vn.hoibot.spreadsheet.Table;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.text.Texts;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.RowError;

/**
 * Imports a roster (CSV or XLSX with Vietnamese headers) as an idempotent upsert keyed by phone, or by name, birth
 * year and unit when there is no phone. Everything is written in one transaction: in strict mode nothing is written
 * if any row is bad; otherwise the good rows are written and the bad ones reported.
 */
@Service
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    private final RosterWriter writer;
    private final OrgService org;
    private final Vocabulary words;
    private final TransactionTemplate tx;
    private final Clock clock;

    RosterImporter(RosterWriter writer, OrgService org, Vocabulary words, PlatformTransactionManager txManager,
            Clock clock) {
        this.writer = writer;
        this.org = org;
        this.words = words;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    public ImportReport importRoster(InputStream in, String fileName, ImportOptions options) {
        LocalDate on = options.effectiveDate() == null ? LocalDate.now(clock) : options.effectiveDate();
        Table table;
        try {
            table = SpreadsheetReader.readFirstSheet(in, fileName);
        } catch (UserFacingException e) {
            return failed(new RowError(0, e.key(), e.args()));
        }
        RosterRowParser parser = new RosterRowParser(table, words, clock);
        if (!parser.missingColumns().isEmpty()) {
            return failed(new RowError(1, "member.import.missing-column",
                    new Object[] {parser.missingColumns().get(0).aliases.get(0)}));
        }
        List<RowError> errors = new ArrayList<>();
        List<RosterRow> good = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> people = new HashMap<>();
        Map<String, Optional<UnitView>> units = new HashMap<>();
        for (Row line : table.rows()) {
            if (line.blank()) {
                continue;
            }
            RosterRowParser.Parsed parsed = parser.parse(line);
            if (parsed instanceof RosterRowParser.Parsed.Problem problem) {
                errors.add(problem.error());
                continue;
            }
            RosterRow row = ((RosterRowParser.Parsed.Row) parsed).row();
            Optional<UnitView> unit = units.computeIfAbsent(row.unitCode(), code -> org.findByCode(code)
                    .filter(u -> u.validOn(on)));
            String person = Texts.fold(row.fullName()) + "|" + row.birthYear() + "|" + row.unitCode();
            Integer earlier = row.phone() != null ? phones.putIfAbsent(row.phone(), row.rowNumber())
                    : people.putIfAbsent(person, row.rowNumber());
            if (unit.isEmpty()) {
                errors.add(new RowError(row.rowNumber(), "member.import.unknown-unit", new Object[] {row.unitCode()}));
            } else if (earlier != null && row.phone() != null) {
                errors.add(new RowError(row.rowNumber(), "member.import.duplicate-phone", new Object[] {earlier}));
            } else if (earlier != null) {
                errors.add(new RowError(row.rowNumber(), "member.import.duplicate-person", new Object[] {earlier}));
            } else {
                good.add(row);
            }
        }
        if ((options.strict() && !errors.isEmpty()) || (good.isEmpty() && !errors.isEmpty())) {
            log.info("Roster import applied nothing: {} bad rows", errors.size());
            return new ImportReport(0, 0, 0, errors, false);
        }
        int[] counts = tx.execute(status -> writer.write(good, units, on));
        log.info("Roster import: {} created, {} updated, {} unchanged, {} bad rows", counts[0], counts[1], counts[2],
                errors.size());
        return new ImportReport(counts[0], counts[1], counts[2], errors, true);
    }

    private static ImportReport failed(RowError error) {
        return new ImportReport(0, 0, 0, List.of(error), false);
    }
}
