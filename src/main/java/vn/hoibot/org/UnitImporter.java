package vn.hoibot.org;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
import vn.hoibot.text.Texts;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.RowError;

/**
 * Imports units (code, name, level, parent code) from CSV or XLSX, keyed by code: new units are created, renamed
 * ones renamed, re-parented ones moved from the effective date. Parents may come later in the file. One transaction.
 */
@Service
public class UnitImporter {

    private static final Logger log = LoggerFactory.getLogger(UnitImporter.class);
    private static final List<String> CODE = List.of("ma don vi", "ma", "ma dv", "code", "unit code");
    private static final List<String> NAME = List.of("ten don vi", "ten", "name", "unit name");
    private static final List<String> LEVEL = List.of("cap", "cap don vi", "level");
    private static final List<String> PARENT = List.of("ma don vi cha", "ma cap tren", "ma don vi cap tren", "ma cha",
            "parent code", "parent");
    private static final List<String> FROM = List.of("ngay thanh lap", "hieu luc tu", "valid from");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    record UnitRow(int rowNumber, String code, String name, String level, String parentCode, LocalDate from) {
    }

    private final OrgService org;
    private final UnitWriter writer;
    private final TransactionTemplate tx;
    private final Clock clock;

    UnitImporter(OrgService org, UnitWriter writer, PlatformTransactionManager txManager, Clock clock) {
        this.org = org;
        this.writer = writer;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    public ImportReport importUnits(InputStream in, String fileName, ImportOptions options) {
        LocalDate on = options.effectiveDate() == null ? LocalDate.now(clock) : options.effectiveDate();
        Table table;
        try {
            table = SpreadsheetReader.readFirstSheet(in, fileName);
        } catch (UserFacingException e) {
            return new ImportReport(0, 0, 0, List.of(new RowError(0, e.key(), e.args())), false);
        }
        int[] cols = {column(table, CODE), column(table, NAME), column(table, LEVEL), column(table, PARENT),
                column(table, FROM)};
        for (int i = 0; i < 3; i++) {
            if (cols[i] < 0) {
                String missing = List.of(CODE, NAME, LEVEL).get(i).get(0);
                return new ImportReport(0, 0, 0, List.of(new RowError(1, "member.import.missing-column",
                        new Object[] {missing})), false);
            }
        }
        Map<String, String> levels = levelWords();
        List<RowError> errors = new ArrayList<>();
        List<UnitRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row line : table.rows()) {
            if (line.blank()) {
                continue;
            }
            int n = line.number();
            String code = line.cell(cols[0]);
            String level = levels.get(Texts.fold(line.cell(cols[2])));
            LocalDate from = on;
            if (code.isEmpty()) {
                errors.add(new RowError(n, "org.import.missing-code", null));
                continue;
            }
            if (line.cell(cols[1]).isEmpty()) {
                errors.add(new RowError(n, "org.import.missing-name", null));
                continue;
            }
            if (level == null) {
                errors.add(new RowError(n, "org.import.unknown-level", new Object[] {line.cell(cols[2])}));
                continue;
            }
            if (!line.cell(cols[4]).isEmpty()) {
                try {
                    from = LocalDate.parse(line.cell(cols[4]), DAY);
                } catch (DateTimeParseException e) {
                    errors.add(new RowError(n, "member.import.bad-date", new Object[] {line.cell(cols[4])}));
                    continue;
                }
            }
            Integer earlier = seen.putIfAbsent(code, n);
            if (earlier != null) {
                errors.add(new RowError(n, "org.import.duplicate-code", new Object[] {code, earlier}));
                continue;
            }
            rows.add(new UnitRow(n, code, line.cell(cols[1]), level, line.cell(cols[3]), from));
        }
        ImportReport report = tx.execute(status -> {
            int[] counts = writer.write(rows, on, errors);
            errors.sort(java.util.Comparator.comparingInt(RowError::rowNumber));
            boolean nothing = !errors.isEmpty() && (options.strict() || counts[0] + counts[1] + counts[2] == 0);
            if (nothing) {
                status.setRollbackOnly();
                return new ImportReport(0, 0, 0, errors, false);
            }
            return new ImportReport(counts[0], counts[1], counts[2], errors, true);
        });
        log.info("Units import: {} created, {} updated, {} unchanged, {} bad rows, applied {}", report.created(),
                report.updated(), report.unchanged(), report.errors().size(), report.applied());
        return report;
    }

    /** Level codes and their names in Vietnamese and English, folded, to the level code. */
    private Map<String, String> levelWords() {
        Map<String, String> words = new HashMap<>();
        for (String level : org.levels()) {
            words.put(Texts.fold(level), level);
            for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                String name = org.levelName(level, locale);
                words.put(Texts.fold(name), level);
                for (String part : name.split(",")) {
                    words.put(Texts.fold(part), level);
                }
            }
        }
        return words;
    }

    static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static int column(Table table, List<String> aliases) {
        return table.column(aliases);
    }
}
