package vn.hoibot.indicator;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.IndicatorRecords.Kind;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.PastActivities;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.PhoneNumbers;
import vn.hoibot.org.ChangeType;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.org.UnitView;
import vn.hoibot.spreadsheet.ImportOptions;
import vn.hoibot.spreadsheet.ImportReport;
import vn.hoibot.spreadsheet.Row;
import vn.hoibot.spreadsheet.RowError;
import vn.hoibot.spreadsheet.SpreadsheetLimits;
import vn.hoibot.spreadsheet.SpreadsheetReader;
import vn.hoibot.spreadsheet.Table;
import vn.hoibot.text.Texts;

/**
 * The historical import of a province's books ({@code --import-records=FILE}, or the file sent to the bot by an
 * admin): one XLSX workbook, or one CSV per sheet named after it, with the sheets and headers of docs/indicators.md
 * (accents and case folded when read). The roster importer's rules: idempotent (a row already recorded the same way
 * changes nothing), every bad row reported with its sheet and row number, all good rows in one transaction, or
 * nothing with {@code strict}. Merges and moves ({@code to_chuc}) are applied first, in date order, as /donvi
 * applies them; then activities and attendance (ordinary activities and participation records, through the meeting
 * module); then the records.
 */
@Service
public class RecordsImporter {

    private static final Logger log = LoggerFactory.getLogger(RecordsImporter.class);
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    /**
     * The sheets, in the order they are applied, with their headers folded (accents, case and punctuation other than
     * "+" ignored); the headers as written are the messages {@code indicator.import.columns.<sheet>}.
     */
    static final Map<String, List<String>> SHEETS = sheets();

    private static Map<String, List<String>> sheets() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("to_chuc", List.of("loai", "ma don vi", "ma don vi dich", "ngay"));
        s.put("hoat_dong", List.of("ma hoat dong", "ma don vi", "ten", "loai", "bat dau", "ket thuc", "doi tac",
                "trang thai"));
        s.put("diem_danh", List.of("ma hoat dong", "so dien thoai", "co mat"));
        s.put("ket_doi", List.of("loai", "ma don vi", "ben giup", "ben duoc giup", "tu ngay", "den ngay"));
        s.put("mo_hinh", List.of("ma don vi", "ten mo hinh", "doi tuong", "tu ngay", "den ngay", "hieu qua"));
        s.put("phat_trien_dang", List.of("so dien thoai", "trang thai", "ngay"));
        s.put("phu_cap", List.of("so dien thoai", "tu ngay", "den ngay"));
        s.put("tham_muu", List.of("ma don vi", "ngay", "chuong trinh"));
        s.put("nguon_luc", List.of("ma don vi", "loai", "tu ngay", "den ngay"));
        s.put("bao_cao", List.of("ma don vi", "ky", "ngay nop", "1+1", "3 co 3 biet"));
        return java.util.Collections.unmodifiableMap(s);
    }

    /** One file of the import. */
    public record Source(String fileName, InputStream in) {
    }

    private final OrgService org;
    private final Restructuring restructuring;
    private final PastActivities activities;
    private final MemberDirectory directory;
    private final IndicatorRecords records;
    private final ReportPeriods periods;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RecordsImporter(OrgService org, Restructuring restructuring, PastActivities activities,
            MemberDirectory directory, IndicatorRecords records, ReportPeriods periods, Messages messages,
            JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.org = org;
        this.restructuring = restructuring;
        this.activities = activities;
        this.directory = directory;
        this.records = records;
        this.periods = periods;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    /** The headers of the sheet as the books write them (the message {@code indicator.import.columns.<sheet>}). */
    public List<String> headers(String sheet) {
        return List.of(messages.get(Messages.VIETNAMESE, "indicator.import.columns." + sheet).split(";"));
    }

    /** The folded name of a sheet of the import, or null (a CSV is named after its file: hoat_dong.csv). */
    public static String sheetOf(String name) {
        String folded = Texts.fold(name).replace(' ', '_');
        return SHEETS.containsKey(folded) ? folded : null;
    }

    /**
     * Imports the files; {@code mayRecordOn} says which units the importer may record on (everything from the
     * command line; for the bot, the admin's scope).
     */
    public ImportReport importRecords(List<Source> sources, ImportOptions options, LongPredicate mayRecordOn) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Source source : sources) {
            try {
                for (Table t : SpreadsheetReader.read(source.in(), source.fileName(), SpreadsheetLimits.DEFAULT)
                        .sheets()) {
                    String sheet = sheetOf(t.sheet());
                    if (sheet != null) {
                        tables.put(sheet, t);
                    }
                }
            } catch (UserFacingException e) {
                return failed(new RowError(0, e.key(), e.args()));
            }
        }
        if (tables.isEmpty()) {
            return failed(new RowError(0, "indicator.import.no-sheet", new Object[] {String.join(", ",
                    sources.stream().map(Source::fileName).toList()), String.join(", ", SHEETS.keySet())}));
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, int[]> columns = new HashMap<>();
        for (var e : tables.entrySet()) {
            int[] cols = columns(e.getKey(), e.getValue(), errors);
            if (cols != null) {
                columns.put(e.getKey(), cols);
            }
        }
        ImportReport report = tx.execute(status -> {
            Run run = new Run(tables, columns, errors, mayRecordOn);
            try {
                run.apply();
            } catch (UserFacingException e) {
                // a check of another module that this import did not foresee: nothing is kept
                status.setRollbackOnly();
                errors.add(new RowError(run.sheet, run.row, e.key(), e.args()));
                return new ImportReport(0, 0, 0, sorted(errors), false);
            }
            boolean nothing = !errors.isEmpty() && (options.strict() || run.counts[0] + run.counts[1]
                    + run.counts[2] == 0);
            if (nothing) {
                status.setRollbackOnly();
                return new ImportReport(0, 0, 0, sorted(errors), false);
            }
            return new ImportReport(run.counts[0], run.counts[1], run.counts[2], sorted(errors), true);
        });
        log.info("Records import: {} created, {} updated, {} unchanged, {} bad rows, applied {}", report.created(),
                report.updated(), report.unchanged(), report.errors().size(), report.applied());
        return report;
    }

    private static List<RowError> sorted(List<RowError> errors) {
        List<String> order = new ArrayList<>(SHEETS.keySet());
        return errors.stream().sorted(Comparator.comparingInt((RowError e) -> e.sheet() == null ? -1
                : order.indexOf(e.sheet())).thenComparingInt(RowError::rowNumber)).toList();
    }

    private static ImportReport failed(RowError error) {
        return new ImportReport(0, 0, 0, List.of(error), false);
    }

    /** The column of each header of the sheet, or null with an error naming the first one missing. */
    private int[] columns(String sheet, Table table, List<RowError> errors) {
        List<String> folded = SHEETS.get(sheet);
        int[] cols = new int[folded.size()];
        for (int i = 0; i < cols.length; i++) {
            String wanted = folded.get(i);
            cols[i] = table.column(h -> header(h).equals(wanted));
            if (cols[i] < 0) {
                errors.add(new RowError(sheet, 1, "member.import.missing-column",
                        new Object[] {headers(sheet).get(i)}));
                return null;
            }
        }
        return cols;
    }

    /** A header folded: accents, case and punctuation other than "+" ignored (3 có, 3 biết = 3 co 3 biet). */
    private static String header(String text) {
        return Texts.fold(text.replaceAll("[^\\p{L}\\p{M}\\p{N}+]+", " "));
    }

    /** One import, inside its transaction. */
    private final class Run {
        final Map<String, Table> tables;
        final Map<String, int[]> columns;
        final List<RowError> errors;
        final LongPredicate mayRecordOn;
        final int[] counts = new int[3];
        final Map<String, Long> activityIds = new HashMap<>();
        /** Looked up once per import: a book names the same units and members on many rows. */
        final Map<String, java.util.Optional<UnitView>> units = new HashMap<>();
        final Map<String, java.util.Optional<MemberView>> members = new HashMap<>();
        String sheet;
        int row;

        Run(Map<String, Table> tables, Map<String, int[]> columns, List<RowError> errors, LongPredicate mayRecordOn) {
            this.tables = tables;
            this.columns = columns;
            this.errors = errors;
            this.mayRecordOn = mayRecordOn;
        }

        void apply() {
            for (String name : SHEETS.keySet()) {
                if (!columns.containsKey(name)) {
                    continue;
                }
                sheet = name;
                List<Cells> rows = tables.get(name).rows().stream().filter(r -> !r.blank())
                        .map(r -> new Cells(r, columns.get(name), headers(name))).toList();
                if (name.equals("to_chuc") || name.equals("bao_cao")) {
                    rows = inOrder(name, rows);
                }
                Map<String, Integer> seen = new HashMap<>();
                for (Cells c : rows) {
                    row = c.row.number();
                    try {
                        apply(name, c, seen);
                    } catch (Bad bad) {
                        errors.add(new RowError(name, c.row.number(), bad.key, bad.args));
                    }
                }
            }
        }

        /** Merges and moves by their date; unit reports by their submission (a later one supersedes). */
        private List<Cells> inOrder(String name, List<Cells> rows) {
            int col = name.equals("to_chuc") ? 3 : 2;
            return rows.stream().sorted(Comparator.comparing((Cells c) -> {
                try {
                    return dateTime(c.get(col));
                } catch (Bad e) {
                    return LocalDateTime.MIN; // reported when the row is applied
                }
            })).toList();
        }

        private void apply(String name, Cells c, Map<String, Integer> seen) {
            switch (name) {
                case "to_chuc" -> restructure(c);
                case "hoat_dong" -> activity(c, seen);
                case "diem_danh" -> attendance(c, seen);
                case "ket_doi" -> pairing(c);
                case "mo_hinh" -> model(c);
                case "phat_trien_dang" -> partyStep(c);
                case "phu_cap" -> allowance(c);
                case "tham_muu" -> proposal(c);
                case "nguon_luc" -> resource(c);
                default -> report(c);
            }
        }

        private void restructure(Cells c) {
            String kind = Texts.fold(c.required(0));
            units.clear(); // merges and moves change units: each row sees them as they are now
            UnitView unit = unit(c.required(1));
            UnitView target = unit(c.required(2));
            LocalDate on = date(c.required(3));
            if (kind.equals("gop")) {
                boolean done = !unit.validOn(on) && org.history(unit.id()).stream()
                        .anyMatch(h -> h.type() == ChangeType.MERGE && h.effectiveDate().equals(on));
                if (done) {
                    counts[2]++;
                    return;
                }
                if (!unit.validOn(on) || !target.validOn(on) || unit.id() == target.id()
                        || org.isWithin(target.id(), unit.id(), on)) {
                    throw new Bad("indicator.import.cannot-merge", unit.code(), target.code(), ReportPeriods.day(on));
                }
                restructuring.merge(List.of(unit.id()), target.id(), on);
                counts[0]++;
            } else if (kind.equals("chuyen")) {
                if (org.children(target.id(), on).stream().anyMatch(u -> u.id() == unit.id())) {
                    counts[2]++;
                    return;
                }
                if (!unit.validOn(on) || !target.validOn(on) || org.isWithin(target.id(), unit.id(), on)
                        || !org.canHold(target.level(), unit.level())) {
                    throw new Bad("indicator.import.cannot-move", unit.code(), target.code(), ReportPeriods.day(on));
                }
                restructuring.move(unit.id(), target.id(), on);
                counts[0]++;
            } else {
                throw new Bad("indicator.import.unknown-kind", c.get(0), "gop, chuyen");
            }
        }

        private void activity(Cells c, Map<String, Integer> seen) {
            String code = c.required(0);
            UnitView unit = unit(c.required(1));
            String title = c.required(2);
            String type = activities.typeCode(c.required(3))
                    .orElseThrow(() -> new Bad("indicator.import.unknown-type", c.get(3)));
            LocalDateTime start = dateTime(c.required(4));
            LocalDateTime end = c.get(5).isEmpty() ? null : dateTime(c.get(5));
            if (end != null && !end.isAfter(start)) {
                throw new Bad("indicator.import.end-before-start", c.get(5), c.get(4));
            }
            String status = Texts.fold(c.get(7));
            boolean cancelled;
            if (status.isEmpty() || status.equals("da to chuc") || status.equals("to chuc")) {
                cancelled = false;
            } else if (status.equals("da huy") || status.equals("huy")) {
                cancelled = true;
            } else {
                throw new Bad("indicator.import.bad-status", c.get(7));
            }
            Integer earlier = seen.putIfAbsent(code, row);
            if (earlier != null) {
                throw new Bad("indicator.import.duplicate-activity", code, earlier);
            }
            var startsAt = start.atZone(VN).toInstant();
            var endsAt = end == null ? activities.endOf(type, startsAt) : end.atZone(VN).toInstant();
            var recorded = activities.record(new PastActivities.PastActivity(code, unit.id(), type, title, startsAt,
                    endsAt, c.get(6), cancelled));
            activityIds.put(code, recorded.id());
            counts[recorded.outcome().ordinal()]++;
        }

        private void attendance(Cells c, Map<String, Integer> seen) {
            String code = c.required(0);
            Long activity = activityIds.get(code);
            if (activity == null) {
                activity = activities.findImported(code)
                        .orElseThrow(() -> new Bad("indicator.import.unknown-activity", code));
            }
            MemberView member = member(c.required(1));
            boolean present = flag(c, 2);
            Integer earlier = seen.putIfAbsent(activity + "|" + member.id(), row);
            if (earlier != null) {
                throw new Bad("indicator.import.duplicate-mark", earlier);
            }
            counts[activities.attendance(activity, member.id(), present) ? 0 : 2]++;
        }

        private void pairing(Cells c) {
            PairingKind kind = kindOf(PairingKind.values(), c, 0, PairingKind::code, null);
            UnitView unit = unit(c.required(1));
            String helper = c.required(2);
            String helped = c.required(3);
            LocalDate from = date(c.required(4));
            LocalDate to = optionalDate(c.get(5));
            ordered(from, to);
            Long helperUnit = null;
            Long helpedUnit = null;
            Long helperMember = null;
            Long helpedMember = null;
            if (kind == PairingKind.BRANCH) {
                helperUnit = org.findByCode(helper).map(UnitView::id).orElse(null);
                helpedUnit = org.findByCode(helped).map(UnitView::id).orElse(null);
            } else {
                helperMember = memberIfPhone(helper);
                helpedMember = memberIfPhone(helped);
            }
            var p = new IndicatorRecords.NewPairing(kind, unit.id(), helperUnit, helpedUnit, helperMember,
                    helpedMember, helper, helped, from, to);
            addUnlessCurrent(() -> records.pairing(p, null), Kind.PAIRING, "kind", kind.name(), "unit_id",
                    unit.id(), "helper_unit_id", helperUnit, "helped_unit_id", helpedUnit, "helper_member_id",
                    helperMember, "helped_member_id", helpedMember, "helper_name", helper, "helped_name", helped,
                    "starts_on", from, "ends_on", to);
        }

        private void model(Cells c) {
            UnitView unit = unit(c.required(0));
            String name = c.required(1);
            String group = c.required(2);
            LocalDate from = date(c.required(3));
            LocalDate to = optionalDate(c.get(4));
            ordered(from, to);
            boolean effective = flag(c, 5);
            addUnlessCurrent(() -> records.model(unit.id(), name, group, from, to, effective, null), Kind.MODEL,
                    "unit_id", unit.id(), "name", name, "target_group", group, "starts_on", from, "ends_on", to,
                    "effective", effective);
        }

        private void partyStep(Cells c) {
            MemberView member = member(c.required(0));
            PartyStage stage = kindOf(PartyStage.values(), c, 1, PartyStage::code, "indicator.party.");
            LocalDate on = date(c.required(2));
            addUnlessCurrent(() -> records.partyStep(member.id(), stage, on, null), Kind.PARTY_STEP,
                    "member_id", member.id(), "stage", stage.name(), "step_on", on);
        }

        private void allowance(Cells c) {
            MemberView member = member(c.required(0));
            LocalDate from = date(c.required(1));
            LocalDate to = optionalDate(c.get(2));
            ordered(from, to);
            addUnlessCurrent(() -> records.allowance(member.id(), from, to, null), Kind.ALLOWANCE,
                    "member_id", member.id(), "starts_on", from, "ends_on", to);
        }

        private void proposal(Cells c) {
            UnitView unit = unit(c.required(0));
            LocalDate on = date(c.required(1));
            String programme = c.required(2);
            addUnlessCurrent(() -> records.proposal(unit.id(), on, programme, null), Kind.PROPOSAL,
                    "unit_id", unit.id(), "proposed_on", on, "programme", programme);
        }

        private void resource(Cells c) {
            UnitView unit = unit(c.required(0));
            ResourceKind kind = kindOf(ResourceKind.values(), c, 1, ResourceKind::code, "indicator.resource.");
            LocalDate from = date(c.required(2));
            LocalDate to = optionalDate(c.get(3));
            ordered(from, to);
            addUnlessCurrent(() -> records.resource(unit.id(), kind, from, to, null), Kind.RESOURCE,
                    "unit_id", unit.id(), "kind", kind.name(), "starts_on", from, "ends_on", to);
        }

        private void report(Cells c) {
            UnitView unit = unit(c.required(0));
            ReportPeriod period;
            try {
                period = periods.parse(c.required(1));
            } catch (UserFacingException e) {
                throw new Bad(e.key(), e.args());
            }
            if (!period.isReportingPeriod()) {
                throw new Bad("indicator.report.not-a-reporting-period", period.label());
            }
            OffsetDateTime submitted = dateTime(c.required(2)).atZone(VN).toOffsetDateTime();
            boolean onePlusOne = flag(c, 3);
            boolean threeThree = flag(c, 4);
            boolean known = jdbc.sql("select count(*) from ind_unit_report where unit_id = ? and period_from = ? "
                    + "and period_to = ? and submitted_at = ? and runs_one_plus_one = ? and runs_three_three = ?")
                    .params(unit.id(), period.from(), period.to(), submitted, onePlusOne, threeThree)
                    .query(Long.class).single() > 0;
            if (known) {
                counts[2]++;
            } else {
                records.importReport(unit.id(), period, onePlusOne, threeThree, submitted);
                counts[0]++;
            }
        }

        // ---- cells

        private UnitView unit(String code) {
            UnitView unit = units.computeIfAbsent(code, org::findByCode)
                    .orElseThrow(() -> new Bad("member.import.unknown-unit", code));
            if (!mayRecordOn.test(unit.id())) {
                throw new Bad("indicator.import.outside", code);
            }
            return unit;
        }

        private MemberView member(String phone) {
            if (PhoneNumbers.normalise(phone).isEmpty()) {
                throw new Bad("member.import.bad-phone", phone);
            }
            MemberView member = members.computeIfAbsent(phone, directory::findByPhone)
                    .orElseThrow(() -> new Bad("indicator.import.unknown-phone", phone));
            if (member.unitId() != null && !mayRecordOn.test(member.unitId())) {
                throw new Bad("indicator.import.outside", phone);
            }
            return member;
        }

        private Long memberIfPhone(String text) {
            if (PhoneNumbers.normalise(text).isEmpty()) {
                return null;
            }
            return members.computeIfAbsent(text, directory::findByPhone).map(MemberView::id).orElse(null);
        }

        private <E extends Enum<E>> E kindOf(E[] values, Cells c, int col, Function<E, String> code,
                String labels) {
            String folded = Texts.fold(c.required(col));
            for (E e : values) {
                if (Texts.fold(code.apply(e)).equals(folded) || (labels != null
                        && Texts.fold(messages.get(Messages.VIETNAMESE, labels + e.name())).equals(folded))) {
                    return e;
                }
            }
            throw new Bad("indicator.import.unknown-kind", c.get(col),
                    Arrays.stream(values).map(code).collect(Collectors.joining(", ")));
        }

        private boolean flag(Cells c, int col) {
            String v = Texts.fold(c.get(col));
            return switch (v) {
                case "x", "co", "1", "yes" -> true;
                case "", "khong", "0", "no" -> false;
                default -> throw new Bad("member.import.bad-flag", c.headers.get(col), c.get(col));
            };
        }

        /** Writes the record unless a current one of the table has exactly these values: idempotent. */
        private void addUnlessCurrent(Runnable write, Kind table, Object... columnsAndValues) {
            if (current(table, columnsAndValues)) {
                counts[2]++;
            } else {
                write.run();
                counts[0]++;
            }
        }

        /** Whether a current record of the table has exactly these values (null matched as null). */
        private boolean current(Kind kind, Object... columnsAndValues) {
            return records.findCurrent(kind, columnsAndValues).isPresent();
        }
    }

    private static void ordered(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw new Bad("indicator.record.dates-out-of-order", ReportPeriods.day(from), ReportPeriods.day(to));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new Bad("indicator.import.bad-date", text);
        }
    }

    private static LocalDate optionalDate(String text) {
        return text.isEmpty() ? null : date(text);
    }

    /** dd/MM/yyyy HH:mm, or a day alone (its start). */
    private static LocalDateTime dateTime(String text) {
        try {
            return LocalDateTime.parse(text, DAY_TIME);
        } catch (DateTimeParseException e) {
            return date(text).atStartOfDay();
        }
    }

    /** A row's cells by the sheet's header order. */
    private static final class Cells {
        final Row row;
        final int[] cols;
        final List<String> headers;

        Cells(Row row, int[] cols, List<String> headers) {
            this.row = row;
            this.cols = cols;
            this.headers = headers;
        }

        String get(int i) {
            return row.cell(cols[i]);
        }

        String required(int i) {
            String v = get(i);
            if (v.isEmpty()) {
                throw new Bad("indicator.import.missing-value", headers.get(i));
            }
            return v;
        }
    }

    /** A bad row: its reason as a message key and args. */
    private static final class Bad extends RuntimeException {
        final String key;
        final Object[] args;

        Bad(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }
}
