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
            "8/3/2027 7h30p        | 2027-03-08T07:30",
            "8/3 năm sau 7h30      | 2027-03-08T07:30",
            "1/1/2027 0h           | 2027-01-01T00:00",
            "tối nay 8h            | 2026-03-11T20:00",
            "toi nay 8h            | 2026-03-11T20:00",
            "7 giờ 30 tối nay      | 2026-03-11T19:30",
            "7 gio 30 toi nay      | 2026-03-11T19:30",
            "20h ngày 20           | 2026-03-20T20:00",
            "20h ngay 20           | 2026-03-20T20:00",
            "20h ngày 5            | 2026-04-05T20:00",
            "3 giờ chiều ngày 15 tháng 12 | 2026-12-15T15:00",
            "3 gio chieu ngay 15 thang 12 | 2026-12-15T15:00",
            "ngày 1 tháng 1 năm 2027 8h   | 2027-01-01T08:00",
            "chiều mai 3h          | 2026-03-12T15:00",
            "chieu mai 3h          | 2026-03-12T15:00",
            "sáng mai 7h           | 2026-03-12T07:00",
            "thứ năm tuần sau 19h  | 2026-03-19T19:00" })
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
    void asksNextYearForADateWithoutYearThatIsPast() {
        assertQuestion("10/3 19h", "time.ask.next_year", "10/3", "10/3/2027");
        assertThat(VietnameseDates.parse("11/3", TODAY).date()).isEqualTo(TODAY);
        assertThat(VietnameseDates.dateTime(VietnameseDates.answer("10/3 19h", "có", TODAY), TODAY))
                .isEqualTo(LocalDateTime.of(2027, 3, 10, 19, 0));
        assertThat(VietnameseDates.dateTime(VietnameseDates.answer("10/3 19h", "20/3 19h", TODAY), TODAY))
                .isEqualTo(LocalDateTime.of(2026, 3, 20, 19, 0));
        assertQuestion("19h ngày 10 tháng 3", "time.ask.next_year", "10/3", "10/3/2027");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2h50 15/3     | chiều | 2026-03-15T14:50",
            "2h50 15/3     | sáng  | 2026-03-15T02:50",
            "mai 5 giờ     | chieu | 2026-03-12T17:00",
            "thứ 6 6h      | sáng  | 2026-03-13T06:00" })
    void asksMorningOrAfternoonForAnHourFromOneToSix(String text, String answer, LocalDateTime expected) {
        assertThatThrownBy(() -> VietnameseDates.dateTime(text.strip(), TODAY))
                .isInstanceOfSatisfying(VietnameseDates.Question.class,
                        e -> assertThat(e.key()).isEqualTo("time.ask.part_of_day"));
        assertThat(VietnameseDates.dateTime(VietnameseDates.answer(text.strip(), answer.strip(), TODAY), TODAY))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sáng chủ nhật | 8h    | 2026-03-15T08:00",
            "sang chu nhat | 8 giờ | 2026-03-15T08:00",
            "tối thứ 6     | 7h30  | 2026-03-13T19:30",
            "chiều mai     | 3h    | 2026-03-12T15:00" })
    void asksTheHourForAPartOfTheDayAlone(String text, String answer, LocalDateTime expected) {
        assertQuestion(text.strip(), "time.ask.hour", text.strip());
        assertThat(VietnameseDates.dateTime(VietnameseDates.answer(text.strip(), answer.strip(), TODAY), TODAY))
                .isEqualTo(expected);
    }

    @Test
    void readsAnEndAfterTheStart() {
        LocalDateTime start = LocalDateTime.of(2026, 3, 15, 14, 0);
        assertThat(VietnameseDates.endAfter("4h", start)).isEqualTo(LocalDateTime.of(2026, 3, 15, 16, 0));
        assertThat(VietnameseDates.endAfter("16h30", start)).isEqualTo(LocalDateTime.of(2026, 3, 15, 16, 30));
        assertThat(VietnameseDates.endAfter("9h tối", start)).isEqualTo(LocalDateTime.of(2026, 3, 15, 21, 0));
        assertThatThrownBy(() -> VietnameseDates.endAfter("3h", LocalDateTime.of(2026, 3, 15, 1, 0)))
                .isInstanceOf(VietnameseDates.Question.class);
    }

    private static void assertQuestion(String text, String key, Object... args) {
        assertThatThrownBy(() -> VietnameseDates.dateTime(text, TODAY))
                .isInstanceOfSatisfying(VietnameseDates.Question.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.args()).containsExactly(args);
                });
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
            "tối                   | time.date.no_time",
            "năm sau 19h           | time.date.unreadable",
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
