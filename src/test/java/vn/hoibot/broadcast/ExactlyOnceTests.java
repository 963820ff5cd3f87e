package vn.hoibot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.hoibot.EndToEndTest;
import vn.hoibot.broadcast.NewBroadcast.Recipient;

/**
 * A row that was sent is never sent again, over real HTTP: not when the connection drops after Telegram applied
 * the send (OkHttp must not re-send the POST, the row ends UNCONFIRMED), not when the database hiccups while
 * the SENT mark is written. Scheduled broadcasts wait in the outbox with their time as next_attempt_at.
 */
class ExactlyOnceTests extends EndToEndTest {

    @Autowired
    Outbox outbox;
    @Autowired
    Broadcasts broadcasts;
    @Autowired
    JdbcTemplate jdbc;
    @MockitoSpyBean
    OutboxStore store;

    static List<Recipient> to(long... chats) {
        return java.util.Arrays.stream(chats).mapToObj(c -> Recipient.member("telegram", Long.toString(c), c, "vi")).toList();
    }

    @Test
    void aSendWhoseConnectionDroppedAfterTelegramAppliedItIsNotSentAgainAndEndsUnconfirmed() {
        long dropped = newUserId();
        long fine = newUserId();
        telegram.dropAfterSend(dropped);
        long id = outbox.enqueue(NewBroadcast.notice(1L, "t", "vi", "Thông báo thử", to(dropped, fine)));
        await().atMost(Duration.ofSeconds(30)).until(() -> broadcasts.report(id).orElseThrow().finished());
        BroadcastReport report = broadcasts.report(id).orElseThrow();
        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.unconfirmed()).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).until(() -> sentCount(dropped) == 1); // one POST, never repeated
        assertThat(sentCount(fine)).isEqualTo(1);
    }

    @Test
    void aSentRowWhoseMarkMeetsADatabaseBlipIsRecordedNotResent() {
        AtomicInteger failures = new AtomicInteger();
        doAnswer(call -> {
            if (failures.incrementAndGet() <= 5) { // more than the old three tries
                throw new TransientDataAccessResourceException("connection lost");
            }
            return call.callRealMethod();
        }).when(store).markSent(anyLong(), any(), any());
        long chat = newUserId();
        long id = outbox.enqueue(NewBroadcast.notice(1L, "t", "vi", "Thông báo thử", to(chat)));
        await().atMost(Duration.ofSeconds(30)).until(() -> broadcasts.report(id).orElseThrow().finished());
        assertThat(broadcasts.report(id).orElseThrow().sent()).isEqualTo(1);
        await().during(Duration.ofSeconds(2)).until(() -> sentCount(chat) == 1);
    }

    @Test
    void aScheduledBroadcastsRowsAreDueAtItsTime() {
        Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        long chat = newUserId();
        long id = outbox.enqueue(NewBroadcast.notice(1L, "t", "vi", "Hẹn giờ", to(chat)).scheduledFor(at));
        Instant due = jdbc.queryForObject("select next_attempt_at from outbox where broadcast_id = ?",
                java.time.OffsetDateTime.class, id).toInstant();
        assertThat(due).isEqualTo(at);
        assertThat(broadcasts.start(id)).isTrue(); // its time came (or it was started by hand): due at once
        telegram.awaitMessage(token, chat, 1);
    }
}
