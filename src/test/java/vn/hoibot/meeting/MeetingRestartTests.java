package vn.hoibot.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

/**
 * Reminders live in Quartz's JDBC job store: a reminder planned by one instance fires once after that instance
 * stops and another starts on the same database, and once when two instances share a PostgreSQL database. Time
 * is real here: activities start 24 h plus a few seconds ahead, so the one-day reminder is due in seconds.
 */
class MeetingRestartTests {

    static final String TOKEN = "1002:meeting-restart";
    static final AtomicLong USERS = new AtomicLong(820_000_000L);

    static ConfigurableApplicationContext start(Map<String, Object> database) {
        return start(database, null);
    }

    /**
     * Starts an instance; with {@code shared} it uses that connection pool. Two instances in one JVM must share
     * it: Quartz registers its job store's connection provider in a JVM-wide registry under the scheduler name,
     * which clustered instances share, so the second context's pool would otherwise serve the first one's
     * transactions. Separate processes (production) have no such registry in common.
     */
    static ConfigurableApplicationContext start(Map<String, Object> database, DataSource shared) {
        Map<String, Object> props = new HashMap<>(database);
        props.put("hoibot.test.keep-datasource", "true");
        // Quartz keeps a JVM-wide registry of job-store connections by scheduler name: contexts of other tests
        // still running in this JVM must not share a name with this database's instances (see start(.., shared)).
        props.put("spring.quartz.scheduler-name",
                "meeting-" + Integer.toHexString(database.get("spring.datasource.url").hashCode()));
        props.put("hoibot.telegram.token", TOKEN);
        props.put("hoibot.telegram.api-url", FakeTelegram.instance().url());
        props.put("hoibot.broadcast.poll-interval", "50ms");
        props.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
        props.put("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "1000");
        props.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(HoiBotApplication.class)
                .web(WebApplicationType.NONE);
        if (shared != null) {
            builder.initializers(ctx -> ctx.getBeanFactory().registerSingleton("dataSource", shared));
        }
        return builder.run(args);
    }

    /** A branch with a head and two members whose Telegram chats are linked; returns the chat ids. */
    record Branch(long headMemberId, long unitId, List<Long> chats) {
    }

    static Branch branch(ConfigurableApplicationContext ctx) {
        MeetingFixtures tree = new MeetingFixtures(ctx.getBean(OrgService.class), ctx.getBean(MemberDirectory.class));
        MemberView head = tree.member("Phạm Thị Hằng", tree.branch);
        ctx.getBean(RoleAssignments.class).assign(head.id(), Role.BRANCH_HEAD, tree.branch.id());
        JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
        List<Long> chats = new ArrayList<>();
        for (MemberView m : List.of(head, tree.member("Nguyễn Thị Lan", tree.branch),
                tree.member("Trần Thị Hoa", tree.group))) {
            long chat = USERS.incrementAndGet();
            jdbc.update("""
                    insert into member_account (member_id, channel, user_id, chat_id, language, linked_at)
                    values (?, 'telegram', ?, ?, 'vi', ?)""", m.id(), String.valueOf(chat), String.valueOf(chat),
                    Timestamp.from(Instant.now()));
            chats.add(chat);
        }
        return new Branch(head.id(), tree.branch.id(), chats);
    }

    /** An activity whose one-day reminder is due {@code inSeconds} from now. */
    static long activityRemindedIn(ConfigurableApplicationContext ctx, Branch branch, int inSeconds, String title) {
        Instant start = ctx.getBean(Clock.class).instant().plus(Duration.ofHours(24)).plusSeconds(inSeconds);
        return ctx.getBean(Activities.class).create(ctx.getBean(vn.hoibot.member.Accounts.class).actorOf(branch.headMemberId()),
                new ActivityDraft(branch.unitId(), "monthly", title, start, start.plus(Duration.ofHours(2)),
                        "Nhà văn hóa", null, null, AudienceKind.SUBTREE, Set.of(branch.unitId()))).id();
    }

    static long remindersTo(long chat, String title) {
        return FakeTelegram.instance().sentTo(TOKEN, chat).stream()
                .filter(b -> FakeTelegram.textContains(b, "Nhắc lịch") && FakeTelegram.textContains(b, title)).count();
    }

    static int sentReminders(ConfigurableApplicationContext ctx, long activityId) {
        return ctx.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from activity_reminder where activity_id = ? and status = 'SENT'", Integer.class,
                activityId);
    }

    @Test
    void firesAReminderOnceAfterTheInstanceThatPlannedItStops() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        Branch branch;
        long id;
        String title = "Sinh hoạt sau khởi động lại";
        try (ConfigurableApplicationContext first = start(database)) {
            branch = branch(first);
            id = activityRemindedIn(first, branch, 6, title);
        }
        assertThat(branch.chats()).allMatch(chat -> remindersTo(chat, title) == 0);

        try (ConfigurableApplicationContext second = start(database)) {
            await().atMost(Duration.ofSeconds(40)).until(() -> branch.chats().stream()
                    .allMatch(chat -> remindersTo(chat, title) == 1));
            assertThat(sentReminders(second, id)).isOne();
            await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            assertThat(branch.chats()).allMatch(chat -> remindersTo(chat, title) == 1);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from activity_reminder where activity_id = ? and status = 'PENDING'",
                    Integer.class, id)).isOne(); // the 2 h reminder, still ahead
        }
    }

    @Test
    void sendsAReminderMissedDuringDowntimeButDropsOneWhoseActivityHasStarted() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        Branch branch;
        long ahead;
        long started;
        Instant startedAt;
        String aheadTitle = "Buổi còn ở phía trước";
        String startedTitle = "Buổi đã bắt đầu";
        try (ConfigurableApplicationContext first = start(database)) {
            // the first instance only plans: on a loaded machine it could otherwise live past the due time
            standby(first);
            branch = branch(first);
            ahead = activityRemindedIn(first, branch, 2, aheadTitle);
            Clock clock = first.getBean(Clock.class);
            startedAt = clock.instant().plusSeconds(4);
            Activities activities = first.getBean(Activities.class);
            var actor = first.getBean(vn.hoibot.member.Accounts.class).actorOf(branch.headMemberId());
            started = activities.create(actor, new ActivityDraft(branch.unitId(), "other", startedTitle, startedAt,
                    startedAt.plus(Duration.ofHours(1)), null, null, null, AudienceKind.SUBTREE,
                    Set.of(branch.unitId()))).id();
            activities.addReminder(actor, started, clock.instant().plusSeconds(2));
        }
        // every instance is down while both reminders fall due and the second activity starts
        await().pollDelay(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10))
                .until(() -> Instant.now().isAfter(startedAt.plusSeconds(1)));
        Instant restart = Instant.now();
        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(40)).until(() -> sentReminders(second, ahead) == 1
                    && jdbc.queryForObject("select count(*) from activity_reminder where activity_id = ? and status = 'DROPPED'",
                            Integer.class, started) == 1);
            Timestamp sentAt = jdbc.queryForObject(
                    "select done_at from activity_reminder where activity_id = ? and status = 'SENT'", Timestamp.class, ahead);
            assertThat(sentAt.toInstant()).isAfter(restart); // sent late, by the new instance
            await().atMost(Duration.ofSeconds(20)).until(() -> branch.chats().stream()
                    .allMatch(chat -> remindersTo(chat, aheadTitle) == 1));
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(branch.chats()).allMatch(chat -> remindersTo(chat, startedTitle) == 0);
        }
    }

    @Test
    void twoInstancesOnOnePostgresDatabaseSendEachReminderOnce() {
        assumeTrue(TestDatabaseEnvironment.onPostgres(), "needs HOIBOT_TEST_DB=postgres");
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl((String) database.get("spring.datasource.url"));
        pool.setUsername((String) database.get("spring.datasource.username"));
        pool.setPassword((String) database.get("spring.datasource.password"));
        try (pool; ConfigurableApplicationContext one = start(database, pool);
                ConfigurableApplicationContext two = start(database, pool)) {
            Branch branch = branch(one);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ConfigurableApplicationContext planner = i % 2 == 0 ? one : two;
                ids.add(activityRemindedIn(planner, branch, 4 + i, "Hai máy " + i));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> sentReminders(one, id) == 1));
            for (int i = 0; i < 6; i++) {
                String title = "Hai máy " + i;
                await().atMost(Duration.ofSeconds(30)).until(() -> branch.chats().stream()
                        .allMatch(chat -> remindersTo(chat, title) >= 1));
            }
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            for (int i = 0; i < 6; i++) {
                String title = "Hai máy " + i;
                assertThat(branch.chats()).as(title).allMatch(chat -> remindersTo(chat, title) == 1);
            }
            assertThat(one.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from broadcast where kind = 'REMINDER' and audience like ?", Integer.class,
                    "Người được mời dự \"Hai máy %")).isEqualTo(6); // one a reminder: nobody answered, one channel
        }
    }

    private static void standby(ConfigurableApplicationContext context) {
        try {
            context.getBean(org.quartz.Scheduler.class).standby();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReminderWhoseJobFailsIsRecordedAndTriedAgain() {
        Map<String, Object> database = TestDatabaseEnvironment.freshDatabase();
        String title = "Buổi nhắc bị lỗi";
        try (ConfigurableApplicationContext ctx = start(database)) {
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Branch branch = branch(ctx);
            // the database refuses the reminder's broadcast: the job throws
            jdbc.execute("alter table broadcast add constraint test_no_reminder check (kind <> 'REMINDER')");
            long id = activityRemindedIn(ctx, branch, 2, title);
            long reminder = jdbc.queryForObject(
                    "select id from activity_reminder where activity_id = ? order by fire_at limit 1", Long.class, id);
            await().atMost(Duration.ofSeconds(40)).until(() -> jdbc.queryForObject(
                    "select attempts from activity_reminder where id = ?", Integer.class, reminder) == 1);
            assertThat(jdbc.queryForObject("select status from activity_reminder where id = ?", String.class, reminder))
                    .isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("select last_error from activity_reminder where id = ?", String.class,
                    reminder)).isNotBlank();
            assertThat(branch.chats()).allMatch(chat -> remindersTo(chat, title) == 0);

            jdbc.execute("alter table broadcast drop constraint test_no_reminder");
            // its retry is due a minute later; the test brings it forward, as tests that move the clock do
            ctx.getBean(vn.hoibot.time.OneShotJobs.class).moveTo("reminder-" + reminder + "-retry-1", "meeting",
                    ctx.getBean(Clock.class).instant());
            await().atMost(Duration.ofSeconds(40)).until(() -> sentReminders(ctx, id) == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> branch.chats().stream()
                    .allMatch(chat -> remindersTo(chat, title) == 1));
        }
    }
}
