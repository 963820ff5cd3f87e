package vn.hoibot.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import vn.hoibot.chat.UserFacingException;

class ActivityTests {

    static final Instant NOW = Instant.parse("2026-03-11T05:00:00Z");
    static final Instant START = NOW.plus(Duration.ofDays(2));

    static Activity activity() {
        return new Activity(draft(START, START.plus(Duration.ofHours(2))), "123456", 1L, NOW);
    }

    static ActivityDraft draft(Instant start, Instant end) {
        return new ActivityDraft(10L, "monthly", "Sinh hoạt chi hội tháng 3", start, end, "Nhà văn hóa xóm", null,
                null, AudienceKind.SUBTREE, Set.of(10L));
    }

    static void refused(ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.key()).isEqualTo(key));
    }

    @Test
    void refusesAStartInThePastAndAnEndBeforeTheStart() {
        refused(() -> new Activity(draft(NOW.minusSeconds(60), NOW.plusSeconds(3600)), "1", 1L, NOW), "meeting.date.past");
        refused(() -> new Activity(draft(START, START), "1", 1L, NOW), "meeting.date.end_before_start");
        refused(() -> new Activity(draft(START, START.minusSeconds(1)), "1", 1L, NOW), "meeting.date.end_before_start");
    }

    @Test
    void refusesAnEmptyTitleOrAudience() {
        ActivityDraft d = draft(START, START.plusSeconds(60));
        refused(() -> new Activity(new ActivityDraft(1, "other", " ", START, START.plusSeconds(60), null, null, null,
                AudienceKind.SUBTREE, Set.of(1L)), "1", 1L, NOW), "meeting.title.empty");
        refused(() -> new Activity(new ActivityDraft(1, "other", "x", d.startsAt(), d.endsAt(), null, null, null,
                AudienceKind.GROUPS, Set.of()), "1", 1L, NOW), "meeting.audience.empty");
    }

    @Test
    void cancelsAnActivityNotYetHeldOnlyOnce() {
        Activity a = activity();
        a.cancel(NOW);
        assertThat(a.isCancelled()).isTrue();
        refused(() -> a.cancel(NOW), "meeting.activity.cancelled");
    }

    @Test
    void refusesToCancelOrChangeAnActivityAlreadyHeld() {
        Activity a = activity();
        refused(() -> a.cancel(START), "meeting.activity.started");
        refused(() -> a.change(ActivityChange.moveTo(START.plusSeconds(7200), null), START.plusSeconds(60)),
                "meeting.activity.started");
        assertThat(a.isCancelled()).isFalse();
        assertThat(a.startsAt()).isEqualTo(START);
    }

    @Test
    void keepsTheLengthWhenMovedWithoutANewEnd() {
        Activity a = activity();
        a.change(ActivityChange.moveTo(START.plus(Duration.ofDays(1)), null), NOW);
        assertThat(a.startsAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(Duration.between(a.startsAt(), a.endsAt())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesAMoveIntoThePast() {
        Activity a = activity();
        refused(() -> a.change(ActivityChange.moveTo(NOW.minusSeconds(1), null), NOW), "meeting.date.past");
        assertThat(a.startsAt()).isEqualTo(START);
    }

    @Test
    void closesAnswersAtTheStartAndOpensCheckInAroundTheActivity() {
        Activity a = activity();
        a.requireOpenForAnswers(START.minusSeconds(1));
        refused(() -> a.requireOpenForAnswers(START), "meeting.rsvp.closed");
        Duration early = Duration.ofMinutes(30);
        Duration late = Duration.ofHours(1);
        assertThat(a.inCheckInWindow(START.minus(Duration.ofMinutes(31)), early, late)).isFalse();
        assertThat(a.inCheckInWindow(START.minus(Duration.ofMinutes(30)), early, late)).isTrue();
        assertThat(a.inCheckInWindow(a.endsAt().plus(late), early, late)).isTrue();
        assertThat(a.inCheckInWindow(a.endsAt().plus(late).plusSeconds(1), early, late)).isFalse();
    }
}
