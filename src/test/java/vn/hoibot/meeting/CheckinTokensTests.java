package vn.hoibot.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CheckinTokensTests {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Instant SHOWN = Instant.parse("2026-12-11T12:31:00Z");

    @Test
    void makesAStartPayloadTelegramAccepts() {
        String token = CheckinTokens.token(12, "123456", SHOWN, FIVE_MINUTES);
        assertThat(token).matches("dd_12_[A-Za-z0-9_-]{12}").hasSizeLessThanOrEqualTo(64);
        assertThat(CheckinTokens.parse(token)).hasValueSatisfying(p -> assertThat(p.activityId()).isEqualTo(12));
    }

    @Test
    void acceptsATokenInItsPeriodAndTheNextOnlyAndUntilTheTimeItSays() {
        CheckinTokens.Parsed token = CheckinTokens.parse(CheckinTokens.token(12, "123456", SHOWN, FIVE_MINUTES))
                .orElseThrow();
        Instant until = CheckinTokens.validUntil(SHOWN, FIVE_MINUTES);
        assertThat(until).isEqualTo(Instant.parse("2026-12-11T12:40:00Z"));
        assertThat(CheckinTokens.current(token, "123456", SHOWN, FIVE_MINUTES)).isTrue();
        assertThat(CheckinTokens.current(token, "123456", until.minusSeconds(1), FIVE_MINUTES)).isTrue();
        assertThat(CheckinTokens.current(token, "123456", until, FIVE_MINUTES)).isFalse();
        assertThat(CheckinTokens.current(token, "123456", SHOWN.minus(FIVE_MINUTES), FIVE_MINUTES)).isFalse();
    }

    @Test
    void refusesATokenOfAnotherActivityOrCodeAndAnythingMalformed() {
        String token = CheckinTokens.token(12, "123456", SHOWN, FIVE_MINUTES);
        String mac = token.substring(token.lastIndexOf('_') + 1);
        assertThat(CheckinTokens.current(new CheckinTokens.Parsed(13, mac), "123456", SHOWN, FIVE_MINUTES)).isFalse();
        assertThat(CheckinTokens.current(CheckinTokens.parse(token).orElseThrow(), "654321", SHOWN, FIVE_MINUTES))
                .isFalse();
        assertThat(CheckinTokens.parse("dd_12")).isEmpty();
        assertThat(CheckinTokens.parse("dd_x_AAAAAAAAAAAA")).isEmpty();
        assertThat(CheckinTokens.parse("invite123")).isEmpty();
        assertThat(CheckinTokens.parse(null)).isEmpty();
    }
}
