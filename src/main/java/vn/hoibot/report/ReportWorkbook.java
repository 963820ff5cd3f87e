package vn.hoibot.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.UnitReportView;
import vn.hoibot.spreadsheet.SpreadsheetWriter;
import vn.hoibot.spreadsheet.SpreadsheetWriter.Percent;
import vn.hoibot.spreadsheet.SpreadsheetWriter.Sheet;

/**
 * The workbook sent upward (/baocao and {@code --report-xlsx}), in Vietnamese, from the engine's report only: a
 * summary laid out like the union's 6-month or yearly report, one sheet per indicator family with a row per commune
 * unit, the units that have not reported, and the evidence flags. Counts and unit names only: no person's name or
 * phone number is in it.
 */
@Component
class ReportWorkbook {

    static final List<String> SUMMARY = List.of("I1", "I2", "I2D", "I3", "I4", "I4P", "I5", "I6", "I7", "E_MONTHLY",
            "E_ATTENDANCE", "E_C4", "E_C5", "E_C6", "E_NEW", "E_RECRUITED", "R_RATE", "R_ONTIME");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;

    ReportWorkbook(Messages messages) {
        this.messages = messages;
    }

    byte[] xlsx(IndicatorReport report) {
        return SpreadsheetWriter.xlsx(sheets(report));
    }

    static String fileName(IndicatorReport report) {
        return "bao-cao-" + report.unit().code() + "-" + report.period().label().replace('/', '.') + ".xlsx";
    }

    List<Sheet> sheets(IndicatorReport report) {
        return List.of(summary(report), onePlusOne(report), threeThree(report), models(report), heads(report),
                knowledge(report), notReported(report), flags(report));
    }

    private Sheet summary(IndicatorReport r) {
        List<String> title = new ArrayList<>(heading(r));
        title.add(t("report.xlsx.summary.counts-only"));
        List<List<?>> rows = new ArrayList<>();
        int n = 0;
        for (String id : SUMMARY) {
            Optional<IndicatorValue> found = r.indicator(id);
            if (found.isEmpty()) {
                continue;
            }
            IndicatorValue v = found.get();
            Object declared = null;
            Object flagged = null;
            if (id.equals("I1")) {
                declared = r.communes().stream().filter(c -> c.declared().map(UnitReportView::runsOnePlusOne)
                        .orElse(false)).count();
                flagged = r.communes().stream().filter(c -> c.flags().contains("I1")).count();
            } else if (id.equals("I2")) {
                declared = r.indicator("I2D").map(IndicatorValue::numerator).orElse(null);
                flagged = r.communes().stream().filter(c -> c.flags().contains("I2")).count();
            }
            rows.add(Arrays.asList(++n, id, t("indicator.name." + id), v.numerator(), v.denominator(), result(v),
                    v.target() == null ? null : new Percent(v.target()), met(v), declared, flagged, note(id, v)));
        }
        return new Sheet(t("report.xlsx.sheet.summary"), title,
                headers("stt", "id", "indicator", "numerator", "denominator", "value", "target", "met", "declared",
                        "flagged", "note"),
                List.of(6, 12, 52, 10, 10, 14, 12, 12, 16, 16, 36), rows);
    }

    private Sheet onePlusOne(IndicatorReport r) {
        return perCommune(r, "report.xlsx.sheet.i1", List.of("i1", "declared-i1", "flag-i1"), List.of(16, 16, 16),
                c -> List.of(yes(flag(c, "I1")), declared(c, UnitReportView::runsOnePlusOne),
                        yes(c.flags().contains("I1"))));
    }

    private Sheet threeThree(IndicatorReport r) {
        List<String> cols = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (String comp : List.of("C1", "C2", "C3", "C4", "C5", "C6")) {
            cols.add("component." + comp);
            widths.add(14);
        }
        cols.addAll(List.of("i2", "declared-i2", "flag-i2", "share.E_MONTHLY", "share.E_C4", "share.E_C5",
                "share.E_C6"));
        widths.addAll(List.of(14, 16, 14, 16, 14, 14, 14));
        return perCommune(r, "report.xlsx.sheet.i2", cols, widths, c -> {
            List<Object> row = new ArrayList<>();
            for (String comp : List.of("C1", "C2", "C3", "C4", "C5", "C6")) {
                row.add(yes(Boolean.TRUE.equals(c.components().get(comp))));
            }
            row.add(yes(flag(c, "I2")));
            row.add(declared(c, UnitReportView::runsThreeThree));
            row.add(yes(c.flags().contains("I2")));
            for (String id : List.of("E_MONTHLY", "E_C4", "E_C5", "E_C6")) {
                row.add(c.indicator(id).map(this::result).orElse(null));
            }
            return row;
        });
    }

    private Sheet models(IndicatorReport r) {
        return perCommune(r, "report.xlsx.sheet.i3-i6", List.of("i3", "i6"), List.of(18, 18),
                c -> List.of(yes(flag(c, "I3")), yes(flag(c, "I6"))));
    }

    private Sheet heads(IndicatorReport r) {
        return perCommune(r, "report.xlsx.sheet.i4-i7",
                List.of("heads", "party-heads", "share.I4P", "i4-denominator", "i4-numerator", "share.I4",
                        "i7-numerator", "share.I7"),
                List.of(14, 14, 14, 16, 16, 14, 14, 14), c -> {
                    IndicatorValue p = c.indicator("I4P").orElse(null);
                    IndicatorValue i4 = c.indicator("I4").orElse(null);
                    IndicatorValue i7 = c.indicator("I7").orElse(null);
                    return Arrays.asList(p == null ? null : p.denominator(), p == null ? null : p.numerator(),
                            p == null ? null : result(p), i4 == null ? null : i4.denominator(),
                            i4 == null ? null : i4.numerator(), i4 == null ? null : result(i4),
                            i7 == null ? null : i7.numerator(), i7 == null ? null : result(i7));
                });
    }

    private Sheet knowledge(IndicatorReport r) {
        boolean yearly = r.period().atLeastAYear();
        return perCommune(r, "report.xlsx.sheet.i5", List.of(yearly ? "i5-met" : "i5-count"), List.of(22), c -> {
            IndicatorValue v = c.indicator("I5").orElse(null);
            if (v == null) {
                return Arrays.asList((Object) null);
            }
            return List.of(yearly ? yes(v.numerator() > 0) : (Object) v.numerator());
        });
    }

    private Sheet notReported(IndicatorReport r) {
        List<List<?>> rows = new ArrayList<>();
        int n = 0;
        for (CommuneResult c : r.notReported()) {
            rows.add(List.of(++n, c.code(), c.name(), c.declared().map(d -> t("report.xlsx.period-dates",
                    DAY.format(d.periodFrom()), DAY.format(d.periodTo()))).orElse(t("report.xlsx.none"))));
        }
        List<String> title = new ArrayList<>(List.of(t("report.xlsx.not-reported.title", r.period().label(),
                rows.size(), r.communes().size())));
        return new Sheet(t("report.xlsx.sheet.not-reported"), title, headers("stt", "code", "commune", "last-report"),
                List.of(6, 14, 36, 28), rows);
    }

    private Sheet flags(IndicatorReport r) {
        List<List<?>> rows = new ArrayList<>();
        int n = 0;
        for (CommuneResult c : r.communes()) {
            for (String id : c.flags()) {
                rows.add(List.of(++n, c.code(), c.name(), t("indicator.name." + id), t("report.xlsx.yes"),
                        t("report.xlsx.no")));
            }
        }
        return new Sheet(t("report.xlsx.sheet.flags"), List.of(t("report.xlsx.flags.title", rows.size())),
                headers("stt", "code", "commune", "indicator", "declared", "evidence"), List.of(6, 14, 36, 48, 14, 14),
                rows);
    }

    private Sheet perCommune(IndicatorReport r, String nameKey, List<String> columns, List<Integer> widths,
            Function<CommuneResult, List<?>> values) {
        List<String> headers = new ArrayList<>(headers("stt", "code", "commune", "reported"));
        columns.forEach(c -> headers.add(t("report.xlsx.col." + c)));
        List<Integer> w = new ArrayList<>(List.of(6, 14, 36, 14));
        w.addAll(widths);
        List<List<?>> rows = new ArrayList<>();
        int n = 0;
        for (CommuneResult c : r.communes()) {
            List<Object> row = new ArrayList<>(Arrays.asList(++n, c.code(), c.name(), yes(c.reported())));
            row.addAll(values.apply(c));
            rows.add(row);
        }
        return new Sheet(t(nameKey), heading(r), headers, w, rows);
    }

    private List<String> heading(IndicatorReport r) {
        List<String> lines = new ArrayList<>();
        lines.add(t("report.xlsx.title.union", r.unit().name()));
        lines.add(t(r.period().isReportingPeriod() && r.period().kind() == ReportPeriod.Kind.YEAR
                ? "report.xlsx.title.yearly" : r.period().isReportingPeriod() ? "report.xlsx.title.half"
                        : "report.xlsx.title.other"));
        lines.add(t("report.xlsx.title.period", r.period().label(), DAY.format(r.period().from()),
                DAY.format(r.period().to())));
        lines.add(t("report.xlsx.title.as-of", DAY.format(r.asOf()), r.communes().size()));
        return lines;
    }

    private Object result(IndicatorValue v) {
        if (v.isCount()) {
            return v.numerator();
        }
        return v.applicable() ? new Percent(v.value()) : t("report.xlsx.not-applicable");
    }

    private String met(IndicatorValue v) {
        return v.met() == null ? null : t(v.met() ? "report.xlsx.met" : "report.xlsx.missed");
    }

    private String note(String id, IndicatorValue v) {
        if (id.equals("I4P")) {
            return t("report.xlsx.note.baseline");
        }
        if (id.equals("I5") && v.isCount()) {
            return t("report.xlsx.note.i5-count");
        }
        return null;
    }

    private String declared(CommuneResult c, java.util.function.Predicate<UnitReportView> what) {
        return c.declared().map(d -> yes(what.test(d))).orElse(t("report.xlsx.not-reported"));
    }

    private static boolean flag(CommuneResult c, String id) {
        return c.indicator(id).map(v -> v.numerator() > 0).orElse(false);
    }

    private String yes(boolean yes) {
        return t(yes ? "report.xlsx.yes" : "report.xlsx.no");
    }

    private List<String> headers(String... keys) {
        return Arrays.stream(keys).map(k -> t("report.xlsx.col." + k)).toList();
    }

    private String t(String key, Object... args) {
        return messages.get(Messages.VIETNAMESE, key, args);
    }
}
