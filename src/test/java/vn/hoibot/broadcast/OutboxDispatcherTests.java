package vn.hoibot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.NewBroadcast.ProgressTarget;
import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.ChannelException;
import vn.hoibot.chat.ChannelException.Kind;
import vn.hoibot.chat.UserFacingException;

@SpringBootTest(properties = { "hoibot.broadcast.global-rate-per-second=50", "hoibot.broadcast.poll-interval=20ms",
        "hoibot.broadcast.progress-interval=200ms", "hoibot.broadcast.backoff-base=10s",
        "hoibot.broadcast.max-attempts=3", "hoibot.broadcast.max-global-pause=1s",
        "hoibot.broadcast.per-chat-interval=1s", "hoibot.broadcast.per-group-interval=3s" }) // Telegram's pace, under test here
class OutboxDispatcherTests {

    @TestConfiguration
    static class FakeChannelConfiguration {

        @Bean
        FakeChannel fakeChannel() {
            return new FakeChannel();
        }

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(ZoneId.of("Asia/Ho_Chi_Minh"));
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    Broadcasts broadcasts;

    @Autowired
    Reachability reachability;

    @Autowired
    FakeChannel channel;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ButtonTokens tokens;

    static List<Recipient> members(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> Recipient.member("fake", prefix + i, i, "vi")).toList();
    }

    static NewBroadcast notice(String text, List<Recipient> recipients) {
        return NewBroadcast.notice(7L, "test", "vi", text, recipients);
    }

    void awaitFinished(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> broadcasts.report(id).orElseThrow().finished());
    }

    @Test
    void sendsEveryRecipientExactlyOnceAndReportsTheSummary() {
        long id = outbox.enqueue(notice("Họp chi hội tối thứ Sáu", members("all-", 40))
                .reportingTo(new ProgressTarget("fake", "leader-1", "m-1", "vi")));

        awaitFinished(id);

        for (int i = 0; i < 40; i++) {
            assertThat(channel.accepted("all-" + i)).hasSize(1);
        }
        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.status()).isEqualTo(BroadcastStatus.DONE);
        assertThat(report.sent()).isEqualTo(40);
        assertThat(jdbc.queryForObject("select count(*) from outbox where broadcast_id = ? and sent_message_id is null",
                Integer.class, id)).isZero();
        await().until(() -> channel.edits.stream()
                .anyMatch(e -> e.messageId().equals("m-1") && e.text().startsWith("Đã gửi xong thông báo #" + id)));
    }

    @Test
    void holdsTheGlobalRate() {
        long id = outbox.enqueue(notice("Nhịp gửi", members("rate-", 60)));

        awaitFinished(id);

        List<Long> times = channel.calls.stream().filter(c -> c.chatId().startsWith("rate-")).map(c -> c.nanos())
                .sorted().toList();
        assertThat(times).hasSize(60);
        // 50/s evenly spaced: 60 sends take at least 59 intervals of 20 ms, and no second holds more than 51
        assertThat(times.get(59) - times.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(59 * 20 - 30).toNanos());
        for (int i = 0; i + 51 < times.size(); i++) {
            assertThat(times.get(i + 51) - times.get(i)).isGreaterThanOrEqualTo(Duration.ofMillis(990).toNanos());
        }
    }

    @Test
    void waitsASecondBetweenMessagesToOneChatAndThreeToAGroup() {
        long first = outbox.enqueue(NewBroadcast.notice(1L, "t", "vi", "Một",
                List.of(Recipient.member("fake", "pace-chat", 1, "vi"), Recipient.group("fake", "pace-group", "vi"))));
        long second = outbox.enqueue(NewBroadcast.notice(1L, "t", "vi", "Hai",
                List.of(Recipient.member("fake", "pace-chat", 1, "vi"), Recipient.group("fake", "pace-group", "vi"))));

        awaitFinished(first);
        awaitFinished(second);

        List<FakeChannel.Call> chat = channel.accepted("pace-chat");
        List<FakeChannel.Call> group = channel.accepted("pace-group");
        assertThat(chat).hasSize(2);
        assertThat(group).hasSize(2);
        assertThat(chat.get(1).nanos() - chat.get(0).nanos()).isGreaterThanOrEqualTo(Duration.ofMillis(990).toNanos());
        assertThat(group.get(1).nanos() - group.get(0).nanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(2990).toNanos());
    }

    @Test
    void honoursRetryAfterOfA429() {
        channel.failNext("limited-0",
                new ChannelException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(2), null));

        long id = outbox.enqueue(notice("Chậm lại", members("limited-", 3)));
        awaitFinished(id);

        List<FakeChannel.Call> calls = channel.attempts("limited-0");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1).nanos() - calls.get(0).nanos()).isGreaterThanOrEqualTo(Duration.ofMillis(1990).toNanos());
        assertThat(channel.accepted("limited-0")).hasSize(1);
        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.sent()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select attempts from outbox where chat_id = 'limited-0'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void marksABlockedChatUnreachableAndSkipsItUntilSheWritesAgain() {
        channel.failNext("blocked-0", new ChannelException(Kind.BLOCKED, "403"));
        long first = outbox.enqueue(notice("Lần một", members("blocked-", 2)));
        awaitFinished(first);

        BroadcastReport report = broadcasts.report(first).orElseThrow();
        assertThat(report.unreachable()).isEqualTo(1);
        assertThat(report.undelivered()).singleElement()
                .satisfies(u -> assertThat(u.chatId()).isEqualTo("blocked-0"))
                .satisfies(u -> assertThat(u.errorCode()).isEqualTo("BLOCKED"));
        assertThat(reachability.isReachable("fake", "blocked-0")).isFalse();

        long second = outbox.enqueue(notice("Lần hai", members("blocked-", 2)));
        awaitFinished(second);
        assertThat(channel.attempts("blocked-0")).hasSize(1);
        assertThat(broadcasts.report(second).orElseThrow().unreachable()).isEqualTo(1);

        reachability.markReachable("fake", "blocked-0");
        long third = outbox.enqueue(notice("Lần ba", members("blocked-", 1)));
        awaitFinished(third);
        assertThat(channel.accepted("blocked-0")).hasSize(1);
    }

    @Test
    void retriesTransientErrorsWithBackoffThenSucceeds() {
        channel.failNext("flaky-0", new ChannelException(Kind.TRANSIENT, "502"),
                new ChannelException(Kind.TRANSIENT, "timeout"));
        long id = outbox.enqueue(notice("Thử lại", members("flaky-", 1)));

        await().until(() -> channel.attempts("flaky-0").size() == 1);
        await().during(Duration.ofMillis(300)).until(() -> channel.attempts("flaky-0").size() == 1);
        clock.advance(Duration.ofSeconds(10));
        await().until(() -> channel.attempts("flaky-0").size() == 2);
        clock.advance(Duration.ofSeconds(20));
        awaitFinished(id);

        assertThat(channel.accepted("flaky-0")).hasSize(1);
        assertThat(jdbc.queryForObject("select attempts from outbox where broadcast_id = ?", Integer.class, id))
                .isEqualTo(3);
    }

    @Test
    void failsAfterMaxAttemptsAndOnPermanentErrors() {
        channel.failNext("broken-0", new ChannelException(Kind.TRANSIENT, "500"),
                new ChannelException(Kind.TRANSIENT, "500"), new ChannelException(Kind.TRANSIENT, "500"));
        channel.failNext("broken-1", new ChannelException(Kind.PERMANENT, "400"));
        long id = outbox.enqueue(notice("Hỏng", members("broken-", 2)));

        for (int i = 0; i < 3; i++) {
            int attempts = i + 1;
            await().until(() -> channel.attempts("broken-0").size() == attempts);
            clock.advance(Duration.ofMinutes(1));
        }
        awaitFinished(id);

        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.undelivered()).extracting(BroadcastReport.Undelivered::errorCode)
                .containsExactlyInAnyOrder("TRANSIENT", "PERMANENT");
        assertThat(channel.attempts("broken-1")).hasSize(1);
    }

    @Test
    void stopsSendingWhenCancelled() {
        long id = outbox.enqueue(notice("Hủy giữa chừng", members("cancel-", 150))
                .reportingTo(new ProgressTarget("fake", "leader-2", "m-2", "vi")));
        await().until(() -> channel.acceptedWithPrefix("cancel-") >= 10);

        broadcasts.cancel(id, 7L);
        long atCancel = channel.acceptedWithPrefix("cancel-");
        awaitFinished(id);
        await().during(Duration.ofMillis(500)).until(() -> channel.acceptedWithPrefix("cancel-") <= atCancel + 8);

        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.status()).isEqualTo(BroadcastStatus.CANCELLED);
        assertThat(report.sent()).isEqualTo((int) channel.acceptedWithPrefix("cancel-"));
        assertThat(report.cancelled()).isEqualTo(150 - report.sent());
        assertThat(report.cancelled()).isGreaterThan(100);
        await().until(() -> channel.edits.stream().anyMatch(e -> e.text().startsWith("Đã dừng thông báo #" + id)));
        assertThatThrownBy(() -> broadcasts.cancel(id, 7L)).isInstanceOf(UserFacingException.class)
                .hasMessage("broadcast.cancel.finished");
    }

    @Test
    void editsTheLeadersMessageWithProgressWhileSending() {
        long id = outbox.enqueue(notice("Tiến độ", members("progress-", 100))
                .reportingTo(new ProgressTarget("fake", "leader-3", "m-3", "vi")));
        awaitFinished(id);
        // the summary edit follows the status change: wait for it rather than read the edits at once
        await().until(() -> channel.edits.stream().filter(e -> e.messageId().equals("m-3"))
                .reduce((a, b) -> b).map(e -> e.text().startsWith("Đã gửi xong")).orElse(false));

        List<String> texts = channel.edits.stream().filter(e -> e.messageId().equals("m-3")).map(e -> e.text()).toList();
        assertThat(texts).anyMatch(t -> t.matches("Đã gửi \\d+/100 · (còn|đang).+")); // no "0 lỗi"
        assertThat(texts.get(texts.size() - 1))
                .isEqualTo("Đã gửi xong thông báo #" + id + ": 100 người đã nhận, 0 đã đọc.");
    }

    @Test
    void countsProgressAndSummaryTheSameWayAndCallsALostAnswerMaybeReceived() {
        channel.failNext("count-0", new ChannelException(Kind.BLOCKED, "403"));
        channel.failNext("count-1", new ChannelException(Kind.UNCONFIRMED, "no answer"));
        channel.failNext("count-2", new ChannelException(Kind.PERMANENT, "400"));
        long id = outbox.enqueue(notice("Đếm", members("count-", 40))
                .reportingTo(new ProgressTarget("fake", "leader-4", "m-4", "vi")));
        awaitFinished(id);
        await().until(() -> channel.edits.stream().filter(e -> e.messageId().equals("m-4"))
                .reduce((a, b) -> b).map(e -> e.text().startsWith("Đã gửi xong")).orElse(false));

        List<String> texts = channel.edits.stream().filter(e -> e.messageId().equals("m-4")).map(e -> e.text()).toList();
        // the one who blocked the bot is "không liên lạc được" in both, never an error in one and not in the other
        assertThat(texts).anyMatch(t -> t.matches(
                "Đã gửi \\d+/40 · 1 không liên lạc được · 1 lỗi · 1 có thể đã nhận · .+"));
        assertThat(texts.get(texts.size() - 1)).isEqualTo("Đã gửi xong thông báo #" + id
                + ": 37 người đã nhận, 1 không liên lạc được, 1 lỗi, 1 có thể đã nhận (mất tín hiệu đúng lúc gửi, em"
                + " không gửi lại để khỏi trùng), 0 đã đọc.");
        assertThat(channel.attempts("count-1")).hasSize(1); // not sent again
    }

    @Test
    void aHeldBroadcastWaitsForItsReleaseAndAScheduledOneTellsTheLeaderWhenItStarts() {
        long held = outbox.enqueueHeld(notice("Giữ lại", members("held-", 2))
                .reportingTo(new ProgressTarget("fake", "leader-5", "m-5", "vi")), null, null);
        assertThat(broadcasts.status(held)).contains(BroadcastStatus.SCHEDULED);
        await().during(Duration.ofMillis(400)).until(() -> channel.acceptedWithPrefix("held-") == 0);
        assertThat(broadcasts.start(held)).isTrue();
        awaitFinished(held);
        assertThat(channel.acceptedWithPrefix("held-")).isEqualTo(2);

        long scheduled = outbox.enqueue(notice("Hẹn giờ báo", members("told-", 30))
                .reportingTo(new ProgressTarget("fake", "leader-6", null, "vi")).scheduledFor(clock.instant().plusSeconds(1)));
        awaitFinished(scheduled);
        await().until(() -> channel.accepted("leader-6").size() == 1 && channel.edits.stream()
                .anyMatch(e -> e.chatId().equals("leader-6") && e.text().startsWith("Đã gửi xong thông báo #" + scheduled)));
        assertThat(channel.accepted("leader-6").get(0).text()).startsWith("🕒 Đã đến giờ hẹn (")
                .contains("em bắt đầu gửi thông báo #" + scheduled + " đến 30 người nhận");
    }

    @Test
    void recordsAcknowledgementOncePerRecipient() {
        NewBroadcast notice = new NewBroadcast(BroadcastKind.NOTICE, 7L, "t", null, false,
                Map.of("vi", new Content("Đọc xong bấm nút", List.of(List.of(ButtonSpec.acknowledge("Đã đọc"),
                        ButtonSpec.link("Xem thêm", "https://hoilhpn.org.vn"))))),
                null, members("ack-", 2), null, null);
        long id = outbox.enqueue(notice);
        awaitFinished(id);

        String data = channel.accepted("ack-0").get(0).buttons().get(0).get(0).data();
        String other = channel.accepted("ack-1").get(0).buttons().get(0).get(0).data();
        assertThat(data).hasSizeLessThanOrEqualTo(64).isNotEqualTo(other);
        assertThat(channel.accepted("ack-0").get(0).buttons().get(0).get(1).url()).isEqualTo("https://hoilhpn.org.vn");

        assertThatThrownBy(() -> tokens.resolve("fake", "ack-1", data)).hasMessage("chat.button.not_yours");
        ButtonTokens.Resolved pressed = tokens.resolve("fake", "ack-0", data);
        assertThat(pressed.action()).isEqualTo("broadcast.ack");
        long row = Long.parseLong(pressed.payload());
        assertThat(broadcasts.acknowledge(row, "fake", "ack-1")).isFalse();
        assertThat(broadcasts.acknowledge(row, "fake", "ack-0")).isTrue();
        assertThat(broadcasts.acknowledge(row, "fake", "ack-0")).isFalse();
        assertThat(broadcasts.report(id).orElseThrow().acknowledged()).isEqualTo(1);
    }

    @Test
    void failsRowsLeftInFlightByACrashedInstanceInsteadOfResendingThem() {
        long id = outbox.enqueue(notice("Bỏ dở", members("crashed-", 1)).scheduledFor(clock.instant().plusSeconds(3600)));
        jdbc.update("""
                update outbox set status = 'SENDING', attempts = 1, claimed_by = 'dead', claimed_until = ?
                where broadcast_id = ?""", OutboxStore.ts(clock.instant().minusSeconds(1)), id);
        broadcasts.start(id);

        awaitFinished(id);

        assertThat(channel.attempts("crashed-0")).isEmpty();
        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.unconfirmed()).isEqualTo(1);
        assertThat(report.undelivered()).singleElement()
                .satisfies(u -> assertThat(u.errorCode()).isEqualTo("UNCONFIRMED"));
    }

    @Test
    void startsAScheduledBroadcastOnceThroughQuartz() {
        long id = outbox.enqueue(notice("Hẹn giờ", members("scheduled-", 3)).scheduledFor(clock.instant().plusSeconds(2)));
        assertThat(broadcasts.status(id)).contains(BroadcastStatus.SCHEDULED);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofMillis(1500))
                .until(() -> channel.acceptedWithPrefix("scheduled-") == 0);

        awaitFinished(id);

        for (int i = 0; i < 3; i++) {
            assertThat(channel.accepted("scheduled-" + i)).hasSize(1);
        }
        assertThat(broadcasts.start(id)).isFalse();
    }

    @Test
    void refusesBadInputAndQueuesNothing() {
        int before = jdbc.queryForObject("select count(*) from broadcast", Integer.class);

        assertThatThrownBy(() -> outbox.enqueue(notice(" ", members("bad-", 1))))
                .hasMessage("broadcast.text.empty");
        assertThatThrownBy(() -> outbox.enqueue(notice("x".repeat(4097), members("bad-", 1))))
                .hasMessage("broadcast.text.too_long");
        assertThatThrownBy(() -> outbox.enqueue(notice("x".repeat(1025), members("bad-", 1))
                .withAttachment(new Attachment(Attachment.Kind.PHOTO, "a.jpg", null, "file-1"))))
                .hasMessage("broadcast.caption.too_long");
        assertThatThrownBy(() -> outbox.enqueue(notice("Không ai nhận", List.of())))
                .hasMessage("broadcast.audience.empty");

        assertThat(jdbc.queryForObject("select count(*) from broadcast", Integer.class)).isEqualTo(before);
        assertThat(outbox.enqueue(notice("x".repeat(4096), members("bad-", 1)))).isPositive();
    }
}
