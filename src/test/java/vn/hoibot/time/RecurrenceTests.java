package vn.hoibot.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.hoibot.chat.UserFacingException;

class RecurrenceTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ngày 15 hằng tháng 19h30                | D15    | 19:30",
            "19h30 ngày 15 hàng tháng                | D15    | 19:30",
            "15 hằng tháng lúc 7h tối                | D15    | 19:00",
            "ngay 31 moi thang 8h                    | D31    | 08:00",
            "chủ nhật đầu tiên của tháng 8h          | W1-7   | 08:00",
            "chủ nhật đầu tiên của tháng lúc 8h sáng | W1-7   | 08:00",
            "thứ 6 cuối cùng của tháng 19h           | W-1-5  | 19:00",
            "thứ 7 thứ 2 hằng tháng 14h              | W2-6   | 14:00",
            "thứ bảy tuần 3 hằng tháng 14h           | W3-6   | 14:00",
            "CN cuối tháng 8h                        | W-1-7  | 08:00" })
    void readsMonthlyRules(String text, String code, LocalTime time) {
        Recurrence rule = Recurrence.parse(text.strip()).orElseThrow();
        assertThat(rule.code()).isEqualTo(code);
        assertThat(rule.time()).isEqualTo(time);
        assertThat(Recurrence.decode(rule.code(), rule.time())).isEqualTo(rule);
    }

    @Test
    void takesTextWithoutRepetitionAsNoRule() {
        assertThat(Recurrence.parse("15/3 19h30")).isEmpty();
        assertThat(Recurrence.parse("7h tối thứ 6")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "hằng tháng 19h                 | time.recur.unreadable",
            "ngày 15 hằng tháng             | time.date.no_time",
            "ngày 32 hằng tháng 19h         | time.date.invalid",
            "chủ nhật hằng tháng 8h         | time.recur.which_week",
            "ngày 15 hằng tháng 19h linh tinh | time.recur.unreadable" })
    void refusesRulesItCannotRead(String text, String key) {
        assertThatThrownBy(() -> Recurrence.parse(text.strip()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void fallsOnTheRightDays() {
        Recurrence fifteenth = new Recurrence(15, 0, null, LocalTime.of(19, 30));
        assertThat(fifteenth.between(LocalDate.of(2026, 3, 16), LocalDate.of(2026, 5, 15)))
                .containsExactly(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 15));
        Recurrence last = new Recurrence(31, 0, null, LocalTime.NOON);
        assertThat(last.in(YearMonth.of(2026, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        Recurrence firstSunday = new Recurrence(0, 1, DayOfWeek.SUNDAY, LocalTime.of(8, 0));
        assertThat(firstSunday.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)))
                .containsExactly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 5), LocalDate.of(2026, 5, 3));
        Recurrence lastFriday = new Recurrence(0, -1, DayOfWeek.FRIDAY, LocalTime.of(19, 0));
        assertThat(lastFriday.in(YearMonth.of(2026, 3))).isEqualTo(LocalDate.of(2026, 3, 27));
    }
}
