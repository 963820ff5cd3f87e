package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes dated status changes ({@code member_status_change}): when she left, died or came back, so the indicator
 * engine counts the members of a past day right. The first change of a member is preceded by her earlier status.
 */
@Component
class StatusHistory {

    static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

    private final JdbcClient jdbc;
    private final Clock clock;

    StatusHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that her status changed from {@code before} to {@code after} on {@code since}. */
    void changed(long memberId, MemberStatus before, MemberStatus after, LocalDate since) {
        if (before == after) {
            return;
        }
        boolean first = jdbc.sql("select count(*) from member_status_change where member_id = ?").param(memberId)
                .query(Long.class).single() == 0;
        if (first) {
            insert(memberId, before, ALWAYS);
        }
        insert(memberId, after, since);
    }

    private void insert(long memberId, MemberStatus status, LocalDate since) {
        jdbc.sql("insert into member_status_change (member_id, status, since, recorded_at) values (?, ?, ?, ?)")
                .params(memberId, status.name(), since, OffsetDateTime.now(clock)).update();
    }
}
