package vn.hoibot.broadcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoibot.broadcast.NewBroadcast.Recipient;

/** Delivery records and texts of a broadcast go once its report period (90 days by default) is over. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.quartz.auto-startup=false", "hoibot.broadcast.dispatcher-enabled=false" })
class BroadcastRetentionTests {

    @Autowired
    Outbox outbox;
    @Autowired
    BroadcastRetention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    long finishedDaysAgo(int days) {
        long id = outbox.enqueue(NewBroadcast.notice(1L, "test", "vi", "Chào chị Lan",
                List.of(Recipient.member("telegram", "5550" + days, 7L, "vi"))));
        jdbc.update("update broadcast set status = 'DONE', finished_at = ? where id = ?",
                clock.instant().minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC), id);
        return id;
    }

    @Autowired
    OutboxMessages direct;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void deletesMessagesToOnePersonSoonerThanBroadcasts() {
        tx.executeWithoutResult(s -> direct.send("telegram", vn.hoibot.chat.Outbound.text("5552", "Số điện thoại của chị: 0912345678"), null));
        long reply = jdbc.queryForObject("select max(broadcast_id) from outbox where chat_id = '5552'", Long.class);
        jdbc.update("update broadcast set status = 'DONE', finished_at = ? where id = ?",
                clock.instant().minus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC), reply);
        long notice = finishedDaysAgo(3);

        retention.run();

        assertThat(count("outbox", reply)).isZero();
        assertThat(count("broadcast_variant", reply)).isZero();
        assertThat(count("outbox", notice)).isOne(); // a notice's report stays readable for 90 days
    }

    int count(String table, long id) {
        return jdbc.queryForObject("select count(*) from " + table + " where broadcast_id = ?", Integer.class, id);
    }

    @Test
    void deletesTheRecordsOfBroadcastsFinishedLongerAgoThanTheRetention() {
        long old = finishedDaysAgo(91);
        long recent = finishedDaysAgo(10);
        long sending = outbox.enqueue(NewBroadcast.notice(1L, "test", "vi", "Đang gửi",
                List.of(Recipient.member("telegram", "5551", 8L, "vi"))));

        retention.run();

        assertThat(count("outbox", old)).isZero();
        assertThat(count("broadcast_variant", old)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from broadcast where id = ?", Integer.class, old)).isOne();
        assertThat(count("outbox", recent)).isOne();
        assertThat(count("broadcast_variant", recent)).isOne();
        assertThat(count("outbox", sending)).isOne();
    }
}
