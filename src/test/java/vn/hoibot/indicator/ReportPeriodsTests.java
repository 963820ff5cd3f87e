package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoibot.chat.UserFacingException;

class ReportPeriodsTests {

    private final ReportPeriods calendar = new ReportPeriods(IndicatorProperties.defaults());
    private final ReportPeriods cutOff = new ReportPeriods(withCutoff(15));

    @Test
    void readsEveryKindOfSpec() {
        assertPeriod(calendar.parse("3-2026"), "2026-03-01", "2026-03-31", ReportPeriod.Kind.MONTH, "3-2026");
        assertPeriod(calendar.parse("02-2028"), "2028-02-01", "2028-02-29", ReportPeriod.Kind.MONTH, "2-2028");
        assertPeriod(calendar.parse("q1-2026"), "2026-01-01", "2026-03-31", ReportPeriod.Kind.QUARTER, "q1-2026");
        assertPeriod(calendar.parse("Q4-2026"), "2026-10-01", "2026-12-31", ReportPeriod.Kind.QUARTER, "q4-2026");
        assertPeriod(calendar.parse("6t-2026"), "2026-01-01", "2026-06-30", ReportPeriod.Kind.HALF, "6t-2026");
        assertPeriod(calendar.parse("6t1-2026"), "2026-01-01", "2026-06-30", ReportPeriod.Kind.HALF, "6t-2026");
        assertPeriod(calendar.parse("6t2-2026"), "2026-07-01", "2026-12-31", ReportPeriod.Kind.HALF, "6t2-2026");
        assertPeriod(calendar.parse("nam-2026"), "2026-01-01", "2026-12-31", ReportPeriod.Kind.YEAR, "nam-2026");
        assertPeriod(calendar.parse("năm-2026"), "2026-01-01", "2026-12-31", ReportPeriod.Kind.YEAR, "nam-2026");
        assertPeriod(calendar.parse("nhiemky"), "2022-01-01", "2027-12-31", ReportPeriod.Kind.TERM, "nhiemky");
        assertPeriod(calendar.parse("Nhiệm kỳ"), "2022-01-01", "2027-12-31", ReportPeriod.Kind.TERM, "nhiemky");
        assertPeriod(calendar.parse("1/3/2026-15/6/2026"), "2026-03-01", "2026-06-15", ReportPeriod.Kind.CUSTOM,
                "1/3/2026-15/6/2026");
    }

    @Test
    void movesCalendarPeriodsByTheCutOffDay() {
        assertPeriod(cutOff.parse("6t-2026"), "2025-12-15", "2026-06-14", ReportPeriod.Kind.HALF, "6t-2026");
        assertPeriod(cutOff.parse("6t2-2026"), "2026-06-15", "2026-12-14", ReportPeriod.Kind.HALF, "6t2-2026");
        assertPeriod(cutOff.parse("3-2026"), "2026-02-15", "2026-03-14", ReportPeriod.Kind.MONTH, "3-2026");
        assertPeriod(cutOff.parse("nam-2026"), "2025-12-15", "2026-12-14", ReportPeriod.Kind.YEAR, "nam-2026");
        assertPeriod(cutOff.parse("1/3/2026-15/6/2026"), "2026-03-01", "2026-06-15", ReportPeriod.Kind.CUSTOM,
                "1/3/2026-15/6/2026");
    }

    @Test
    void findsThePreviousPeriodOfTheSameLength() {
        assertThat(calendar.previous(calendar.parse("6t-2026")).orElseThrow().label()).isEqualTo("6t2-2025");
        assertThat(calendar.previous(calendar.parse("1-2026")).orElseThrow().label()).isEqualTo("12-2025");
        assertThat(calendar.previous(calendar.parse("q1-2026")).orElseThrow().label()).isEqualTo("q4-2025");
        assertThat(calendar.previous(calendar.parse("nam-2026")).orElseThrow().label()).isEqualTo("nam-2025");
        assertPeriod(cutOff.previous(cutOff.parse("6t-2026")).orElseThrow(), "2025-06-15", "2025-12-14",
                ReportPeriod.Kind.HALF, "6t2-2025");
        assertPeriod(calendar.previous(calendar.parse("11/3/2026-20/3/2026")).orElseThrow(), "2026-03-01",
                "2026-03-10", ReportPeriod.Kind.CUSTOM, "1/3/2026-10/3/2026");
        assertThat(calendar.previous(calendar.parse("nhiemky"))).isEmpty();
    }

    @Test
    void findsTheCurrentHalfYear() {
        assertThat(calendar.currentHalf(LocalDate.of(2026, 12, 2)).label()).isEqualTo("6t2-2026");
        assertThat(calendar.currentHalf(LocalDate.of(2026, 6, 30)).label()).isEqualTo("6t-2026");
        assertThat(cutOff.currentHalf(LocalDate.of(2026, 12, 20)).label()).isEqualTo("6t-2027");
    }

    @Test
    void rejectsWhatItCannotRead() {
        for (String bad : List.of("", "13-2026", "q5-2026", "6t3-2026", "nam", "hom qua", "31/2/2026-1/3/2026")) {
            assertThatThrownBy(() -> calendar.parse(bad)).isInstanceOf(UserFacingException.class)
                    .extracting(e -> ((UserFacingException) e).key()).isEqualTo("indicator.period.unreadable");
        }
        assertThatThrownBy(() -> calendar.parse("15/6/2026-1/3/2026")).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).key()).isEqualTo("indicator.period.out-of-order");
    }

    private static void assertPeriod(ReportPeriod p, String from, String to, ReportPeriod.Kind kind, String label) {
        assertThat(p).isEqualTo(new ReportPeriod(LocalDate.parse(from), LocalDate.parse(to), kind, label));
    }

    static IndicatorProperties withCutoff(int day) {
        IndicatorProperties d = IndicatorProperties.defaults();
        return new IndicatorProperties(d.communeLevel(), d.branchLevel(), d.monthlyActivityShare(), d.knownShare(),
                d.knowledgeTypes(), d.womenDayWindow(), d.vietnameseWomenDayWindow(), d.i5MinActivities(),
                d.targets(), d.termStart(), d.termEnd(), d.baselinePartyShare(), day, d.onTimeDays());
    }
}
