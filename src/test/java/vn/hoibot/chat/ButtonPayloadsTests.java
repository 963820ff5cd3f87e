package vn.hoibot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ButtonPayloadsTests {

    enum Answer { YES, NO }

    record Everything(long id, Long maybe, int page, boolean flag, String text, Answer answer, LocalDate day,
            Instant at) {
    }

    record Page(long activityId, int page, String query) {
    }

    @Test
    void givesBackTheSameRecordWhateverTheTextHolds() {
        Everything e = new Everything(42, null, 3, true, "a:b|c~d%7C|%%", Answer.NO, LocalDate.of(2026, 3, 8),
                Instant.parse("2026-12-01T22:00:00Z"));
        assertThat(ButtonPayloads.decode(ButtonPayloads.encode(e), Everything.class)).isEqualTo(e);
        for (String query : new String[] { "", "~", "|", "Nguyễn : Thị", null }) {
            Page p = new Page(7, 0, query);
            assertThat(ButtonPayloads.decode(ButtonPayloads.encode(p), Page.class)).isEqualTo(p);
        }
        assertThat(ButtonPayloads.decode(ButtonPayloads.encode(ButtonPayloads.NONE), ButtonPayloads.None.class))
                .isEqualTo(ButtonPayloads.NONE);
        assertThat(ButtonPayloads.decode(null, ButtonPayloads.None.class)).isEqualTo(ButtonPayloads.NONE);
    }

    @Test
    void refusesAPayloadOfAnotherShapeAsAnExpiredButton() {
        String page = ButtonPayloads.encode(new Page(7, 1, "x"));
        for (String bad : new String[] { page + "|extra", "7|x|y", "~|1|x", "", "12:3" }) {
            assertThatThrownBy(() -> ButtonPayloads.decode(bad, Page.class))
                    .isInstanceOfSatisfying(UserFacingException.class,
                            ex -> assertThat(ex.key()).isEqualTo("chat.button.expired"));
        }
        assertThatThrownBy(() -> ButtonPayloads.decode("MAYBE", Answered.class))
                .isInstanceOf(UserFacingException.class);
    }

    record Answered(Answer answer) {
    }
}
