package vn.hoibot.indicator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.survey.SurveyKind;

/**
 * The hand-built province of the indicator tests, with known answers (worked out in IndicatorEngineTests):
 * commune XA_B merged into XA_A on 1/4/2026, branch C2 moved from XA_C to XA_D on 1/3/2026, member a2m2 moved
 * from branch A2 to C1 on 1/5/2026, XA_D never reported, XA_E has no branch and no member.
 */
public class IndicatorDataset {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate START = LocalDate.of(2020, 1, 1);
    static final LocalDate MERGED = LocalDate.of(2026, 4, 1);
    static final LocalDate MOVED = LocalDate.of(2026, 3, 1);
    static final Instant RECORDED = Instant.parse("2026-01-01T00:00:00Z");

    public final Map<String, Long> units = new HashMap<>();
    public final Map<String, Long> members = new HashMap<>();
    private final OrgService org;
    private final Restructuring restructuring;
    private final JdbcClient jdbc;
    private final IndicatorRecords records;
    private final ReportPeriods periods;

    private static final java.util.concurrent.atomic.AtomicInteger PHONES = new java.util.concurrent.atomic.AtomicInteger(
            (int) (System.nanoTime() % 1_000_000) * 10);
    private final String prefix;

    IndicatorDataset(OrgService org, Restructuring restructuring, JdbcClient jdbc, IndicatorRecords records,
            ReportPeriods periods) {
        this("", org, restructuring, jdbc, records, periods);
    }

    /** With {@code prefix} before every unit code, so several datasets live in one database. */
    public IndicatorDataset(String prefix, OrgService org, Restructuring restructuring, JdbcClient jdbc,
            IndicatorRecords records, ReportPeriods periods) {
        this.prefix = prefix;
        this.org = org;
        this.restructuring = restructuring;
        this.jdbc = jdbc;
        this.records = records;
        this.periods = periods;
    }

    /** What the fake survey coverage answers: covered members per commune unit, by kind. */
    Map<Long, Long> coverage(SurveyKind kind) {
        return switch (kind) {
            case CIRCUMSTANCES -> Map.of(units.get("XA_A"), 4L, units.get("XA_C"), 2L, units.get("XA_D"), 1L);
            case NEEDS -> Map.of(units.get("XA_A"), 4L, units.get("XA_C"), 1L, units.get("XA_D"), 3L);
            default -> Map.of();
        };
    }

    public IndicatorDataset build() {
        structure();
        restructure();
        activities();
        records();
        return this;
    }

    /**
     * Builds the units, members and roles only, and returns what {@link #build()} adds beyond them (merges and
     * moves, activities, attendance, records) as the sheets of {@code --import-records}: sheet name to rows of cells,
     * in the order of {@code RecordsImporter.SHEETS}' headers.
     */
    public Map<String, List<List<String>>> buildAsSheets() {
        structure();
        sheets = new java.util.LinkedHashMap<>();
        RecordsImporter.SHEETS.keySet().forEach(name -> sheets.put(name, new java.util.ArrayList<>()));
        restructure();
        activities();
        records();
        sheets.get("diem_danh").addAll(attendanceRows.values());
        return sheets;
    }

    /** Null: written to the database; else the rows of the import sheets. */
    private Map<String, List<List<String>>> sheets;
    private final Map<String, List<String>> attendanceRows = new java.util.LinkedHashMap<>();
    private final Map<Long, List<String>> rowsById = new HashMap<>();
    private long sheetIds;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy");
    private static final java.time.format.DateTimeFormatter DAY_TIME = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy HH:mm");

    private long row(String sheet, Object... cells) {
        List<String> row = java.util.Arrays.stream(cells).map(c -> c == null ? "" : c instanceof LocalDate d
                ? DAY.format(d) : c instanceof Boolean b ? (b ? "x" : "") : c.toString()).toList();
        sheets.get(sheet).add(row);
        rowsById.put(++sheetIds, row);
        return sheetIds;
    }

    private String code(String unit) {
        return prefix + unit;
    }

    private String phone(String member) {
        return jdbc.sql("select phone from member where id = ?").param(members.get(member)).query(String.class)
                .single();
    }

    private void structure() {
        unit("PROV", "Tỉnh Thử", "province", null);
        unit("XA_A", "Xã An Bình", "commune", "PROV");
        unit("XA_B", "Xã Bình Minh", "commune", "PROV");
        unit("XA_C", "Xã Cát Hải", "commune", "PROV");
        unit("XA_D", "Xã Đông Hải", "commune", "PROV");
        unit("XA_E", "Xã Hải Vân", "commune", "PROV");
        unit("A1", "Chi hội A1", "branch", "XA_A");
        unit("A1G", "Tổ A1-1", "group", "A1");
        unit("A2", "Chi hội A2", "branch", "XA_A");
        unit("B1", "Chi hội B1", "branch", "XA_B");
        unit("C1", "Chi hội C1", "branch", "XA_C");
        unit("C2", "Chi hội C2", "branch", "XA_C");
        unit("D1", "Chi hội D1", "branch", "XA_D");

        LocalDate joined = LocalDate.of(2020, 5, 1);
        member("a1m1", "A1", true, false, "ACTIVE", joined, null);
        member("a1m2", "A1G", false, false, "ACTIVE", joined, null);
        member("a2m1", "A2", false, true, "ACTIVE", joined, null);
        member("b1m1", "B1", false, true, "ACTIVE", joined, null);
        member("c1m1", "C1", false, false, "ACTIVE", joined, null);
        member("c2m1", "C2", false, true, "ACTIVE", joined, null);
        member("d1m1", "D1", false, false, "ACTIVE", joined, null);
        member("d1m2", "D1", true, false, "LEFT", joined, null);
        member("d1m3", "D1", false, false, "ACTIVE", LocalDate.of(2026, 2, 10), "d1m1");
        member("a2m2", "A2", true, false, "ACTIVE", joined, null);
        moveMember("a2m2", "C1", LocalDate.of(2026, 5, 1));
        member("c1gone", "C1", true, false, "ACTIVE", joined, null);
        endMembership("c1gone", LocalDate.of(2026, 3, 1));
        // dated leavings, as the roster import writes them: a1left left after the period, a2gone before it
        member("a1left", "A1", false, false, "LEFT", joined, null);
        statusChange("a1left", "ACTIVE", LocalDate.of(1900, 1, 1));
        statusChange("a1left", "LEFT", LocalDate.of(2026, 9, 1));
        member("a2gone", "A2", true, false, "LEFT", joined, null);
        statusChange("a2gone", "ACTIVE", LocalDate.of(1900, 1, 1));
        statusChange("a2gone", "LEFT", LocalDate.of(2025, 12, 1));

        role("a1m1", "A1", START, null);
        role("a2m1", "A2", START, null);
        role("b1m1", "B1", START, null);
        role("c1m1", "C1", START, null);
        role("c2m1", "C2", START, null);
        role("d1m1", "D1", START, LocalDate.of(2026, 5, 1));
    }

    private void restructure() {
        if (sheets != null) {
            row("to_chuc", "chuyen", code("C2"), code("XA_D"), MOVED);
            row("to_chuc", "gop", code("XA_B"), code("XA_A"), MERGED);
            return;
        }
        restructuring.move(units.get("C2"), units.get("XA_D"), MOVED);
        restructuring.merge(List.of(units.get("XA_B")), units.get("XA_A"), MERGED);
    }

    private void activities() {
        for (int month = 1; month <= 6; month++) {
            LocalDateTime at = LocalDateTime.of(2026, month, 12, 19, 30);
            activity(month == 3 ? "A1G" : "A1", "monthly", at, null, false, "A1-" + month);
            activity("A2", "monthly", at, null, false, "A2-" + month);
            activity("B1", "monthly", at, null, month == 6, "B1-" + month);
            activity("D1", "monthly", at, null, false, "D1-" + month);
            activity("C2", "monthly", at, null, false, "C2-" + month);
            if (month >= 2 && month <= 5) {
                activity("C1", "monthly", at, null, false, "C1-" + month);
            }
        }
        activity("C1", "monthly", LocalDateTime.of(2026, 1, 1, 0, 30), null, false, "C1-1");
        activity("C1", "monthly", LocalDateTime.of(2026, 7, 1, 0, 30), null, false, "C1-after");
        activity("C1", "monthly", LocalDateTime.of(2025, 12, 31, 23, 30), null, false, "C1-before");
        activity("XA_A", "monthly", LocalDateTime.of(2026, 2, 20, 8, 0), null, false, "XA_A-feb");
        activity("XA_B", "monthly", LocalDateTime.of(2026, 1, 20, 8, 0), null, false, "XA_B-jan");
        activity("D1", "monthly", LocalDateTime.of(2025, 6, 30, 10, 0), null, false, "D1-old");
        activity("C2", "monthly", LocalDateTime.of(2025, 7, 1, 0, 30), null, false, "C2-old");
        // I5: knowledge activities with partners in the 8/3 window
        activity("A1", "knowledge", LocalDateTime.of(2026, 3, 8, 8, 0), "Hội Nông dân xã", false, "K1");
        activity("XA_A", "women_day_8_3", LocalDateTime.of(2026, 3, 5, 8, 0), "Đoàn Thanh niên", false, "K2");
        activity("A2", "knowledge", LocalDateTime.of(2026, 3, 10, 8, 0), "  ", false, "K3");
        activity("A2", "knowledge", LocalDateTime.of(2026, 3, 11, 8, 0), "Trạm y tế", true, "K4");
        activity("A2", "monthly", LocalDateTime.of(2026, 3, 13, 8, 0), "Trạm y tế", false, "K5");
        activity("D1", "knowledge", LocalDateTime.of(2026, 4, 2, 8, 0), "Trạm y tế", false, "K6");
        activity("A2", "women_day_20_10", LocalDateTime.of(2026, 10, 18, 8, 0), "Hội Cựu chiến binh", false, "K7");

        notified("A1-1", "a1m1");
        notified("A1-1", "a1m2");
        present("A1-1", "a1m1", true);
        present("A1-3", "a1m2", true);
        present("A1-2", "a1left", true);
        present("A2-1", "a2m1", true);
        present("C1-4", "b1m1", true);
        present("A2-2", "a2m2", true);
        corrected("C1-2", "c1m1", true, false);
        present("D1-3", "d1m3", true);
        present("C2-old", "c2m1", true);
        present("D1-old", "d1m1", true);
    }

    private void records() {
        // I1: the merged commune's own pairing counts for XA_A; the moved branch's for XA_D; C1's ended before P
        pairing(PairingKind.SUPPORT, "XA_B", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        pairing(PairingKind.PARTY, "C1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        pairing(PairingKind.BRANCH, "C2", LocalDate.of(2026, 2, 1), null);
        // C3
        resource("A1", ResourceKind.FUND, LocalDate.of(2025, 6, 1), LocalDate.of(2026, 2, 1));
        long wrong = resource("XA_C", ResourceKind.SPONSOR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1));
        supersede(IndicatorRecords.Kind.RESOURCE, wrong, resource("XA_C", ResourceKind.SPONSOR,
                LocalDate.of(2026, 7, 1), null));
        resource("XA_D", ResourceKind.IN_KIND, LocalDate.of(2026, 6, 30), null);
        // I3
        model("A2", LocalDate.of(2024, 1, 1), null, true);
        model("XA_C", LocalDate.of(2026, 1, 1), null, false);
        model("XA_D", LocalDate.of(2026, 7, 1), null, true);
        model("XA_E", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), true);
        // I6
        proposal("XA_A", LocalDate.of(2026, 3, 10), "Nông thôn mới");
        proposal("XA_C", LocalDate.of(2025, 12, 31), "Giảm nghèo bền vững");
        proposal("XA_D", LocalDate.of(2026, 6, 30), "Nông thôn mới");
        // I4
        partyStep("a1m1", PartyStage.TRAINED, LocalDate.of(2025, 3, 1));
        partyStep("b1m1", PartyStage.TRAINED, LocalDate.of(2021, 5, 1));
        partyStep("b1m1", PartyStage.ADMITTED, LocalDate.of(2026, 9, 1));
        partyStep("c2m1", PartyStage.ADMITTED, LocalDate.of(2024, 5, 1));
        // I7
        allowance("a1m1", LocalDate.of(2026, 1, 1), null);
        allowance("a2m1", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 29));
        allowance("b1m1", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30));
        long wrongAllowance = allowance("c2m1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        supersede(IndicatorRecords.Kind.ALLOWANCE, wrongAllowance,
                allowance("c2m1", LocalDate.of(2026, 7, 1), null));
        allowance("d1m1", LocalDate.of(2026, 1, 1), null);
        // unit period reports; XA_A's second report for 6t-2026 supersedes its first
        report("XA_A", "6t2-2025", false, false, "2026-01-05T10:00:00+07:00");
        report("XA_A", "6t-2026", true, true, "2026-07-10T10:00:00+07:00");
        report("XA_A", "6t-2026", false, true, "2026-07-20T10:00:00+07:00");
        report("XA_B", "6t2-2025", true, true, "2026-01-06T10:00:00+07:00");
        report("XA_C", "6t-2026", true, true, "2026-08-01T10:00:00+07:00");
        report("XA_E", "6t2-2025", false, false, "2026-01-07T10:00:00+07:00");
    }

    private long resource(String unit, ResourceKind kind, LocalDate from, LocalDate to) {
        return sheets != null ? row("nguon_luc", code(unit), kind.code(), from, to)
                : records.resource(units.get(unit), kind, from, to, null);
    }

    private void proposal(String unit, LocalDate on, String programme) {
        if (sheets != null) {
            row("tham_muu", code(unit), on, programme);
        } else {
            records.proposal(units.get(unit), on, programme, null);
        }
    }

    private void partyStep(String member, PartyStage stage, LocalDate on) {
        if (sheets != null) {
            row("phat_trien_dang", phone(member), stage.code(), on);
        } else {
            records.partyStep(members.get(member), stage, on, null);
        }
    }

    /** A correction: in the sheets, the corrected row is simply not there. */
    private void supersede(IndicatorRecords.Kind kind, long wrong, long corrected) {
        if (sheets != null) {
            sheets.values().forEach(rows -> rows.remove(rowsById.get(wrong)));
        } else {
            records.supersede(kind, wrong, corrected);
        }
    }

    private void pairing(PairingKind kind, String unit, LocalDate from, LocalDate to) {
        if (sheets != null) {
            row("ket_doi", kind.code(), code(unit), "Bên giúp", "Bên được giúp", from, to);
            return;
        }
        records.pairing(new IndicatorRecords.NewPairing(kind, units.get(unit), null, null, null, null, "Bên giúp",
                "Bên được giúp", from, to), null);
    }

    private void unit(String code, String name, String level, String parent) {
        units.put(code, org.createUnit(new NewUnit(prefix + code, name, level, parent == null ? null : units.get(parent),
                START)).id());
    }

    private void member(String key, String unit, boolean pioneer, boolean party, String status, LocalDate joined,
            String recruitedBy) {
        long id = insert("member", "full_name, name_key, phone, party_member, pioneer, status, join_date, "
                + "recruited_by_member_id", "Hội viên " + key, "hoi vien " + key,
                "+849" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000), party, pioneer, status, joined,
                recruitedBy == null ? null : members.get(recruitedBy));
        members.put(key, id);
        jdbc.sql("insert into member_unit (member_id, unit_id, valid_from) values (?, ?, ?)")
                .params(id, units.get(unit), joined.isBefore(START) ? START : joined).update();
    }

    private void statusChange(String key, String status, LocalDate since) {
        jdbc.sql("insert into member_status_change (member_id, status, since, recorded_at) values (?, ?, ?, ?)")
                .params(members.get(key), status, since, utc(RECORDED)).update();
    }

    private void moveMember(String key, String unit, LocalDate on) {
        endMembership(key, on);
        jdbc.sql("insert into member_unit (member_id, unit_id, valid_from) values (?, ?, ?)")
                .params(members.get(key), units.get(unit), on).update();
    }

    private void endMembership(String key, LocalDate on) {
        jdbc.sql("update member_unit set valid_to = ? where member_id = ? and valid_to is null")
                .params(on, members.get(key)).update();
    }

    private void role(String member, String unit, LocalDate from, LocalDate to) {
        role(member, "BRANCH_HEAD", unit, from, to);
    }

    private void role(String member, String role, String unit, LocalDate from, LocalDate to) {
        jdbc.sql("insert into role_assignment (member_id, role, unit_id, valid_from, valid_to) values (?, ?, ?, ?, ?)")
                .params(members.get(member), role, units.get(unit), from, to).update();
    }

    /**
     * A person with a role on a unit, a member of the province itself (outside every commune unit, so no figure
     * changes); returns her phone.
     */
    public String person(String key, String role, String unit) {
        member(key, "PROV", false, false, "ACTIVE", LocalDate.of(2020, 5, 1), null);
        role(key, role, unit, START, null);
        return jdbc.sql("select phone from member where id = ?").param(members.get(key)).query(String.class).single();
    }

    private final Map<String, Long> activities = new HashMap<>();

    private void activity(String unit, String type, LocalDateTime at, String partners, boolean cancelled,
            String key) {
        if (sheets != null) {
            row("hoat_dong", code(key), code(unit), key, type, DAY_TIME.format(at), DAY_TIME.format(at.plusHours(2)),
                    partners, cancelled ? "đã hủy" : "đã tổ chức");
            return;
        }
        OffsetDateTime start = at.atZone(VN).toOffsetDateTime();
        long id = insert("activity", "unit_id, type_code, title, starts_at, ends_at, partners, audience_kind, "
                + "status, checkin_code, created_at", units.get(unit), type, key, start, start.plusHours(2),
                partners, "SUBTREE", cancelled ? "CANCELLED" : "SCHEDULED", "1234", utc(RECORDED));
        activities.put(key, id);
    }

    private void corrected(String activity, String member, boolean wrong, boolean right) {
        if (sheets != null) {
            present(activity, member, right);
            return;
        }
        long first = present(activity, member, wrong);
        long second = present(activity, member, right);
        jdbc.sql("update participation set superseded_by = ? where id = ?").params(second, first).update();
    }

    private long present(String activity, String member, boolean present) {
        if (sheets != null) {
            attendanceRows.put(activity + "|" + member, List.of(code(activity), phone(member), present ? "x" : ""));
            return 0;
        }
        return insert("participation", "activity_id, member_id, present, method, recorded_at",
                activities.get(activity), members.get(member), present, "LEADER", utc(RECORDED));
    }

    private void notified(String activity, String member) {
        if (sheets != null) {
            // told of it and not marked: an absent mark, which counts as the same invitation
            attendanceRows.putIfAbsent(activity + "|" + member, List.of(code(activity), phone(member), ""));
            return;
        }
        jdbc.sql("insert into activity_notified (activity_id, member_id) values (?, ?)")
                .params(activities.get(activity), members.get(member)).update();
    }

    private void model(String unit, LocalDate from, LocalDate to, boolean effective) {
        if (sheets != null) {
            row("mo_hinh", code(unit), "Mô hình " + unit, "Phụ nữ có đạo", from, to, effective);
            return;
        }
        records.model(units.get(unit), "Mô hình " + unit, "Phụ nữ có đạo", from, to, effective, null);
    }

    private long allowance(String member, LocalDate from, LocalDate to) {
        if (sheets != null) {
            return row("phu_cap", phone(member), from, to);
        }
        return records.allowance(members.get(member), from, to, null);
    }

    private void report(String unit, String period, boolean onePlusOne, boolean threeThree, String submitted) {
        if (sheets != null) {
            row("bao_cao", code(unit), period, DAY_TIME.format(OffsetDateTime.parse(submitted)
                    .atZoneSameInstant(VN)), onePlusOne, threeThree);
            return;
        }
        records.submitReport(units.get(unit), periods.parse(period), onePlusOne, threeThree,
                OffsetDateTime.parse(submitted), null);
    }

    private long insert(String table, String columns, Object... values) {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (" + columns + ") values (" + marks + ")").params(values).update(keys,
                "id");
        return keys.getKey().longValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
