package vn.hoibot.broadcast.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.EndToEndTest;
import vn.hoibot.FakeTelegram;
import vn.hoibot.StatementCounter;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * /thongbao to a province of a million members (PostgreSQL only: HOIBOT_TEST_DB=postgres): the preview counts and
 * the enqueue copies the audience in the database, and neither costs more statements than a small unit would.
 * The size is {@code -Dhoibot.test.province-members} (default 1,000,000). The dispatcher is off: nothing is sent.
 */
// its own application context (own token): closed when done, so it stops polling and holding connections
@DirtiesContext
@Import(StatementCounter.Config.class)
@TestPropertySource(properties = "hoibot.broadcast.dispatcher-enabled=false")
class ProvinceAudienceTests extends EndToEndTest {

    private static final Logger log = LoggerFactory.getLogger(ProvinceAudienceTests.class);
    /** Statements one step may cost, whatever the audience's size (a branch of five costs about as many). */
    private static final long BOUND = 60;

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    RoleAssignments roles;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNoticeToAMillionMembersIsPreviewedAndQueuedInABoundedNumberOfStatements() {
        assumeTrue(TestDatabaseEnvironment.onPostgres(), "needs HOIBOT_TEST_DB=postgres");
        int size = Integer.getInteger("hoibot.test.province-members", 1_000_000);
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit("PX", "Tỉnh Lớn", "province", null, from));
        long started = System.nanoTime();
        generate(province.id(), size);
        log.info("Generated {} members in {} ms", size, (System.nanoTime() - started) / 1_000_000);

        MemberView chair = directory.create(new NewMember("Chủ tịch Tỉnh", null, 1970, false, false, from,
                province.id(), Set.of(), null));
        roles.assign(chair.id(), Role.UNIT_CHAIR, province.id());
        long leader = newUserId();
        jdbc.update("""
                insert into member_account (member_id, channel, user_id, chat_id, language, linked_at)
                values (?, 'telegram', ?, ?, 'vi', ?)""", chair.id(), Long.toString(leader), Long.toString(leader),
                OffsetDateTime.now());

        say(leader, "/thongbao", 1);
        JsonNode audiences = say(leader, "Họp toàn tỉnh ngày 8/3", 2);

        StatementCounter.reset();
        started = System.nanoTime();
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(audiences, "Toàn bộ Tỉnh Lớn"), 11));
        JsonNode confirm = awaitNth(leader, 5);
        // the handling's own statements: the inbox loop and Quartz poll on their own threads, more often the longer it takes
        long previewStatements = StatementCounter.countOn("chat-worker");
        log.info("Preview of {} members: {} ms, {} statements {}", size, (System.nanoTime() - started) / 1_000_000,
                previewStatements, StatementCounter.byThread());
        assertThat(confirm.path("text").asText()).contains(String.format("%,d", size + 1).replace(',', '.')
                + " người và 1 nhóm");
        assertThat(previewStatements).isLessThanOrEqualTo(BOUND);

        StatementCounter.reset();
        started = System.nanoTime();
        deliver(FakeTelegram.button(leader, FakeTelegram.buttonData(confirm, "Gửi ngay"), 41));
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> telegram.requests(token, "editmessagetext").stream()
                        .anyMatch(e -> e.path("message_id").asInt() == 41
                                && e.path("text").asText().startsWith("⏳ Đang gửi")));
        long sendStatements = StatementCounter.countOn("chat-worker");
        log.info("Enqueue of {} members: {} ms, {} statements {}", size, (System.nanoTime() - started) / 1_000_000,
                sendStatements, StatementCounter.byThread());
        assertThat(sendStatements).isLessThanOrEqualTo(BOUND);
        Long broadcast = jdbc.queryForObject("select max(id) from broadcast", Long.class);
        assertThat(jdbc.queryForObject("select count(*) from outbox where broadcast_id = ? and not is_group",
                Long.class, broadcast)).isEqualTo(size + 1L);
        assertThat(jdbc.queryForObject("select count(*) from outbox where broadcast_id = ? and is_group",
                Long.class, broadcast)).isEqualTo(1L);
        assertThat(jdbc.queryForObject("select count(*) from outbox where broadcast_id = ? and variant = 'en'",
                Long.class, broadcast)).isEqualTo(size / 10L);
    }

    JsonNode awaitNth(long chat, int n) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> telegram.sentTo(token, chat).size() >= n);
        return telegram.sentTo(token, chat).get(n - 1);
    }

    /** 100 communes of 10 branches, {@code size} members spread over the branches, each with a Telegram account. */
    void generate(long province, int size) {
        jdbc.update("""
                insert into org_unit (code, name, level, valid_from)
                select 'PX-C' || g, 'Xã ' || g, 'commune', date '2020-01-01' from generate_series(1, 100) g""");
        jdbc.update("""
                insert into org_unit_parent (unit_id, parent_id, valid_from)
                select u.id, ?, date '2020-01-01' from org_unit u where u.code like 'PX-C%'""", province);
        jdbc.update("""
                insert into org_unit (code, name, level, valid_from)
                select c.code || '-B' || g, 'Chi hội ' || g, 'branch', date '2020-01-01'
                  from org_unit c cross join generate_series(1, 10) g where c.code like 'PX-C%'""");
        jdbc.update("""
                insert into org_unit_parent (unit_id, parent_id, valid_from)
                select b.id, c.id, date '2020-01-01' from org_unit b
                  join org_unit c on c.code = substring(b.code from 1 for position('-B' in b.code) - 1)
                 where b.code like 'PX-C%-B%'""");
        jdbc.update("""
                insert into member (full_name, name_key, party_member, pioneer, status)
                select 'Hội viên ' || g, 'hoi vien ' || g, false, false, 'ACTIVE' from generate_series(1, ?) g""",
                size);
        int perBranch = Math.max(1, size / 1000);
        jdbc.update("""
                insert into member_unit (member_id, unit_id, valid_from)
                select m.id, b.id, date '2020-01-01'
                  from (select id, row_number() over (order by id) - 1 as rn from member
                         where name_key like 'hoi vien %') m
                  join (select id, row_number() over (order by id) - 1 as rn from org_unit
                         where code like 'PX-C%-B%') b on b.rn = least(m.rn / ?, 999)""", perBranch);
        jdbc.update("""
                insert into member_account (member_id, channel, user_id, chat_id, language, linked_at)
                select id, 'telegram', cast(9000000000 + id as varchar), cast(9000000000 + id as varchar),
                       case when id %% 10 = 0 then 'en' else 'vi' end, now()
                  from member where name_key like 'hoi vien %%'""".replace("%%", "%"));
        jdbc.update("""
                insert into group_binding (channel, chat_id, unit_id, bound_at)
                select 'telegram', '-100777', id, now() from org_unit where code = 'PX-C1-B1'""");
        jdbc.execute("analyze");
    }

    @AfterEach
    void dropTheMillion() {
        if (TestDatabaseEnvironment.onPostgres()) {
            jdbc.execute("truncate outbox, broadcast_variant, broadcast, member_account, member_tag, role_assignment,"
                    + " member_unit, member, group_binding cascade");
        }
    }
}
