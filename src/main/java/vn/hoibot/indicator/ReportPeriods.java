package vn.hoibot.indicator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

/**
 * Reads period specs ({@code 3-2026}, {@code q1-2026}, {@code 6t-2026}, {@code 6t2-2026}, {@code nam-2026},
 * {@code nhiemky}, {@code 1/3/2026-15/6/2026}) with the configured cut-off day; see {@code docs/indicators.md}.
 */
@Component
public class ReportPeriods {

    private static final Pattern MONTH = Pattern.compile("(?:t|thang)?(\\d{1,2})[-/](\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(?:q|quy)([1-4])[-/](\\d{4})");
    private static final Pattern HALF = Pattern.compile("6t([12]?)[-/](\\d{4})");
    private static final Pattern YEAR = Pattern.compile("nam[-/]?(\\d{4})");
    private static final Pattern CUSTOM = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})-(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/yyyy");

    private final IndicatorProperties properties;

    public ReportPeriods(IndicatorProperties properties) {
        this.properties = properties;
    }

    /**
     * The period a spec names. Throws a {@link UserFacingException} ({@code indicator.period.unreadable},
     * {@code indicator.period.out-of-order}) with the spec as argument.
     */
    public ReportPeriod parse(String spec) {
        String s = Texts.fold(spec).replace(" ", "");
        Matcher m;
        if ((m = HALF.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(2));
            boolean second = "2".equals(m.group(1));
            return calendar(ReportPeriod.Kind.HALF, year, second ? 7 : 1, (second ? "6t2-" : "6t-") + year);
        }
        if ((m = QUARTER.matcher(s)).matches()) {
            int q = Integer.parseInt(m.group(1));
            int year = Integer.parseInt(m.group(2));
            return calendar(ReportPeriod.Kind.QUARTER, year, 3 * q - 2, "q" + q + "-" + year);
        }
        if ((m = YEAR.matcher(s)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return calendar(ReportPeriod.Kind.YEAR, year, 1, "nam-" + year);
        }
        if (s.equals("nhiemky")) {
            return new ReportPeriod(properties.termStart(), properties.termEnd(), ReportPeriod.Kind.TERM, "nhiemky");
        }
        if ((m = CUSTOM.matcher(s)).matches()) {
            LocalDate from = date(spec, m.group(1), m.group(2), m.group(3));
            LocalDate to = date(spec, m.group(4), m.group(5), m.group(6));
            if (to.isBefore(from)) {
                throw new UserFacingException("indicator.period.out-of-order", spec.strip());
            }
            return ReportPeriod.custom(from, to);
        }
        if ((m = MONTH.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(1));
            int year = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return calendar(ReportPeriod.Kind.MONTH, year, month, month + "-" + year);
            }
        }
        throw new UserFacingException("indicator.period.unreadable", spec == null ? "" : spec.strip());
    }

    /** The half-year containing {@code day} (the default period of /thongke). */
    public ReportPeriod currentHalf(LocalDate day) {
        for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
            for (int firstMonth : new int[] { 1, 7 }) {
                ReportPeriod p = calendar(ReportPeriod.Kind.HALF, year, firstMonth,
                        (firstMonth == 7 ? "6t2-" : "6t-") + year);
                if (p.contains(day)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no half-year contains " + day);
    }

    /** The previous period of the same length, if there is one (a term has none). */
    public Optional<ReportPeriod> previous(ReportPeriod period) {
        return switch (period.kind()) {
            case TERM -> Optional.empty();
            case CUSTOM -> Optional.of(ReportPeriod.custom(period.from().minusDays(period.days()),
                    period.from().minusDays(1)));
            default -> {
                LocalDate firstMonth = calendarStart(period).minusMonths(period.kind().months);
                yield Optional.of(calendar(period.kind(), firstMonth.getYear(), firstMonth.getMonthValue(),
                        label(period.kind(), firstMonth)));
            }
        };
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String customLabel(LocalDate from, LocalDate to) {
        return DAY.format(from) + "-" + DAY.format(to);
    }

    private ReportPeriod calendar(ReportPeriod.Kind kind, int year, int firstMonth, String label) {
        LocalDate start = LocalDate.of(year, firstMonth, 1);
        LocalDate end = start.plusMonths(kind.months).minusDays(1);
        int cutoff = properties.cutoffDay();
        if (cutoff > 1) {
            start = start.minusMonths(1).withDayOfMonth(cutoff);
            end = end.withDayOfMonth(cutoff - 1);
        }
        return new ReportPeriod(start, end, kind, label);
    }

    /** The first day of the calendar month a (possibly cut-off) period is named after. */
    private LocalDate calendarStart(ReportPeriod period) {
        LocalDate start = period.from();
        return properties.cutoffDay() > 1 ? start.plusMonths(1).withDayOfMonth(1) : start;
    }

    private static String label(ReportPeriod.Kind kind, LocalDate first) {
        int y = first.getYear();
        int m = first.getMonthValue();
        return switch (kind) {
            case MONTH -> m + "-" + y;
            case QUARTER -> "q" + ((m - 1) / 3 + 1) + "-" + y;
            case HALF -> (m >= 7 ? "6t2-" : "6t-") + y;
            case YEAR -> "nam-" + y;
            default -> throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT));
        };
    }

    private static LocalDate date(String spec, String d, String m, String y) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (java.time.DateTimeException e) {
            throw new UserFacingException("indicator.period.unreadable", spec.strip());
        }
    }

}
