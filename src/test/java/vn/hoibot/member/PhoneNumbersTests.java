package vn.hoibot.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0912345678|+84912345678",
            "0912 345 678|+84912345678",
            "0912.345.678|+84912345678",
            "0912-345-678|+84912345678",
            "(091) 234 5678|+84912345678",
            "+84912345678|+84912345678",
            "+84 91 234 5678|+84912345678",
            "+84 (0) 912 345 678|+84912345678",
            "84912345678|+84912345678",
            "0084912345678|+84912345678",
            "00 84 912 345 678|+84912345678",
            "912345678|+84912345678",
            "0321234567|+84321234567",
            "0561234567|+84561234567",
            "0701234567|+84701234567",
            "0861234567|+84861234567",
            "0981234567|+84981234567",
            "  0981234567  |+84981234567"})
    void normalisesMobileNumbersInEveryCommonForm(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw)).contains(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "01681234567|+84381234567",
            "01621234567|+84321234567",
            "01691234567|+84391234567",
            "01201234567|+84701234567",
            "01211234567|+84791234567",
            "01221234567|+84771234567",
            "01261234567|+84761234567",
            "01281234567|+84781234567",
            "01231234567|+84831234567",
            "01241234567|+84841234567",
            "01251234567|+84851234567",
            "01271234567|+84811234567",
            "01291234567|+84821234567",
            "01861234567|+84561234567",
            "01881234567|+84581234567",
            "01991234567|+84591234567",
            "+84 168 123 4567|+84381234567",
            "0084 1681234567|+84381234567"})
    void mapsOldElevenDigitNumbersToTodaysPrefixes(String raw, String expected) {
        assertThat(PhoneNumbers.normalise(raw)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "abc", "09123456789", "091234567", "02283123456", "0241234567", "0111234567",
            "0601234567", "0311234567", "01301234567", "+1 912345678", "+85291234567", "0912345678x",
            "09123 4567 89", "1681234567", "+84", "812345678900", "0912+345678"})
    void rejectsEverythingElse(String raw) {
        assertThat(PhoneNumbers.normalise(raw)).isEmpty();
    }

    @Test
    void masksAllButTheEnds() {
        assertThat(PhoneNumbers.masked("+84912345678")).isEqualTo("+84******678");
        assertThat(PhoneNumbers.masked(null)).isEqualTo("***");
    }
}
