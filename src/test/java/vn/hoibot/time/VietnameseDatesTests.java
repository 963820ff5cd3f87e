package vn.hoibot.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.hoibot.chat.UserFacingException;

class VietnameseDatesTests {

    /** Wednesday 11 March 2026. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 11);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "15/03/2026 19h30      | 2026-03-15T19:30",
            "15/3 19h30            | 2026-03-15T19:30",
            "19:30 15/3            | 2026-03-15T19:30",
            "19h 15/3              | 2026-03-15T19:00",
            "15-3-2026 8:05        | 2026-03-15T08:05",
            "15.3.26 14h           | 2026-03-15T14:00",
            "ngày 15/3 lúc 19h30   | 2026-03-15T19:30",
            "7h tối thứ 6          | 2026-03-13T19:00",
            "7h toi thu 6          | 2026-03-13T19:00",
            "thứ 6 tuần sau 19h    | 2026-03-20T19:00",
            "19h thứ sáu tuần sau  | 2026-03-20T19:00",
            "tuần sau thứ 2 8h     | 2026-03-16T08:00",
            "thứ 4 19h             | 2026-03-11T19:00",
            "thứ 2 tuần này 19h    | 2026-03-09T19:00",
            "chủ nhật 8h sáng      | 2026-03-15T08:00",
            "CN 14h                | 2026-03-15T14:00",
            "T7 3h chiều           | 2026-03-14T15:00",
            "ngày mai 19h          | 2026-03-12T19:00",
            "mai 8 giờ rưỡi sáng   | 2026-03-12T08:30",
            "hôm nay 20h15         | 2026-03-11T20:15",
            "ngày kia 19g30        | 2026-03-13T19:30",
            "12h trưa 20/10        | 2026-10-20T12:00",
            "1h trưa 20/10         | 2026-10-20T13:00",
            "11h đêm 20/10         | 2026-10-20T23:00",
            "8/3 7h30p             | 2027-03-08T07:30",
            "1/1/2027 0h           | 2027-01-01T00:00" })
    void readsWhatVietnameseUsersType(String text, LocalDateTime expected) {
        assertThat(VietnameseDates.dateTime(text.strip(), TODAY)).isEqualTo(expected);
    }

    @Test
    void readsATimeAloneAndADateAlone() {
        assertThat(VietnameseDates.parse("21h", TODAY)).isEqualTo(new VietnameseDates.Parsed(null, LocalTime.of(21, 0)));
        assertThat(VietnameseDates.parse("15/3", TODAY))
                .isEqualTo(new VietnameseDates.Parsed(LocalDate.of(2026, 3, 15), null));
        assertThat(VietnameseDates.parse("9h tối", TODAY).time()).isEqualTo(LocalTime.of(21, 0));
    }

    @Test
    void takesADateWithoutYearThatIsPastAsNextYear() {
        assertThat(VietnameseDates.parse("10/3", TODAY).date()).isEqualTo(LocalDate.of(2027, 3, 10));
        assertThat(VietnameseDates.parse("11/3", TODAY).date()).isEqualTo(TODAY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "hôm qua               | time.date.unreadable",
            "abc                   | time.date.unreadable",
            "15/3 19h linh tinh    | time.date.unreadable",
            "19h 20h 15/3          | time.date.unreadable",
            "31/2/2026 19h         | time.date.invalid",
            "15/13 19h             | time.date.invalid",
            "25h 15/3              | time.date.invalid",
            "19h61 15/3            | time.date.invalid",
            "19h sáng 15/3         | time.date.invalid",
            "tối thứ 6             | time.date.no_time",
            "15/3                  | time.date.no_time",
            "19h                   | time.date.no_date" })
    void refusesWhatItCannotReadWithAClearKey(String text, String key) {
        assertThatThrownBy(() -> VietnameseDates.dateTime(text.strip(), TODAY))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void refusesBlankInput() {
        assertThatThrownBy(() -> VietnameseDates.parse(" ", TODAY)).isInstanceOf(UserFacingException.class);
    }
}
