package vn.hoibot.indicator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A period asked of the indicators: {@code from} to {@code to}, both days inclusive, in Vietnam time. Not
 * {@code vn.hoibot.time.Period}, which is the half-open validity of dated rows.
 *
 * @param kind  what was asked (a reporting period is a half-year or a year)
 * @param label the canonical spec ({@code 6t-2026}), or the dates of a custom period
 */
public record ReportPeriod(LocalDate from, LocalDate to, Kind kind, String label) {

    public enum Kind {
        MONTH(1), QUARTER(3), HALF(6), YEAR(12), TERM(0), CUSTOM(0);

        final int months;

        Kind(int months) {
            this.months = months;
        }
    }

    public ReportPeriod {
        if (from == null || to == null || kind == null || label == null) {
            throw new IllegalArgumentException("a report period needs from, to, kind and label");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a report period ends before it starts: " + from + " " + to);
        }
    }

    public static ReportPeriod custom(LocalDate from, LocalDate to) {
        return new ReportPeriod(from, to, Kind.CUSTOM, ReportPeriods.customLabel(from, to));
    }

    /** Unit period reports are made for half-years and years. */
    public boolean isReportingPeriod() {
        return kind == Kind.HALF || kind == Kind.YEAR;
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** At least a year long: I5 is then judged per calendar year. */
    public boolean atLeastAYear() {
        return kind == Kind.YEAR || kind == Kind.TERM || !to.isBefore(from.plusYears(1).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
