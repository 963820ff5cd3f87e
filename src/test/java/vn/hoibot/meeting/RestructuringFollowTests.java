package vn.hoibot.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoibot.access.Actor;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.org.SplitPart;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.Recurrence;

/**
 * A merge or split reaches the meeting and member modules: activities still to come, recurring series and invite
 * links of the unit that ended go to its successor, so their invitees are not empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class RestructuringFollowTests {

    @Autowired
    OrgService org;
    @Autowired
    MemberDirectory directory;
    @Autowired
    Restructuring restructuring;
    @Autowired
    Activities activities;
    @Autowired
    RecurringActivities recurring;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    static final Actor SYSTEM = new Actor(null, true, List.of());

    ActivityView activityFor(UnitView unit, Instant at) {
        return activities.create(SYSTEM, new ActivityDraft(unit.id(), "monthly", "Sinh hoạt " + unit.code(), at,
                at.plus(Duration.ofHours(2)), "Nhà văn hóa", null, null, AudienceKind.SUBTREE, Set.of(unit.id())));
    }

    void invite(String code, UnitView unit) {
        jdbc.update("insert into invite (code, unit_id, created_at, expires_at) values (?, ?, ?, ?)", code, unit.id(),
                OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusDays(7));
    }

    long inviteUnit(String code) {
        return jdbc.queryForObject("select unit_id from invite where code = ?", Long.class, code);
    }

    @Test
    void aMergeMovesComingActivitiesSeriesAndInvitesToTheSurvivor() {
        MeetingFixtures f = new MeetingFixtures(org, directory);
        MemberView lan = f.member("Nguyễn Thị Lan", f.otherBranch);
        LocalDate today = LocalDate.now(clock);
        ActivityView past = activityFor(f.otherBranch, clock.instant().plus(Duration.ofDays(1)));
        jdbc.update("update activity set starts_at = ?, ends_at = ? where id = ?", // held three days ago
                utc(clock.instant().minus(Duration.ofDays(3))), utc(clock.instant().minus(Duration.ofDays(3))
                        .plus(Duration.ofHours(2))), past.id());
        ActivityView coming = activityFor(f.otherBranch, clock.instant().plus(Duration.ofDays(10)));
        List<ActivityView> series = recurring.create(SYSTEM, new ActivityDraft(f.otherBranch.id(), "monthly",
                "Sinh hoạt hằng tháng", recurring.firstStart(Recurrence.parse("ngày 5 hằng tháng 19:00").orElseThrow()),
                recurring.firstStart(Recurrence.parse("ngày 5 hằng tháng 19:00").orElseThrow()).plus(Duration.ofHours(2)),
                null, null, null, AudienceKind.SUBTREE, Set.of(f.otherBranch.id())),
                Recurrence.parse("ngày 5 hằng tháng 19:00").orElseThrow());
        String code = "INV" + System.nanoTime() % 1_000_000_000L;
        invite(code, f.otherBranch);
        assertThat(activities.invitees(coming.id())).extracting(MemberView::id).contains(lan.id());

        restructuring.merge(List.of(f.otherBranch.id()), f.branch.id(), today);

        assertThat(activities.find(coming.id()).orElseThrow().unitId()).isEqualTo(f.branch.id());
        assertThat(activities.invitees(coming.id())).extracting(MemberView::id).contains(lan.id());
        assertThat(activities.find(past.id()).orElseThrow().unitId()).isEqualTo(f.otherBranch.id());
        long seriesId = jdbc.queryForObject("select series_id from activity where id = ?", Long.class,
                series.get(0).id());
        assertThat(jdbc.queryForList("select unit_id from activity_series_audience where series_id = ?", Long.class,
                seriesId)).containsExactly(f.branch.id());
        assertThat(jdbc.queryForObject("select unit_id from activity_series where id = ?", Long.class, seriesId))
                .isEqualTo(f.branch.id());
        assertThat(inviteUnit(code)).isEqualTo(f.branch.id());
    }

    @Test
    void aSplitInvitesEveryPartAndGivesTheActivityToTheFirstPart() {
        MeetingFixtures f = new MeetingFixtures(org, directory);
        MemberView lan = f.member("Trần Thị Tách", f.otherBranch);
        ActivityView coming = activityFor(f.otherBranch, clock.instant().plus(Duration.ofDays(10)));
        String code = "INS" + System.nanoTime() % 1_000_000_000L;
        invite(code, f.otherBranch);
        String p = f.otherBranch.code();
        List<UnitView> parts = restructuring.split(f.otherBranch.id(), List.of(
                new SplitPart(p + "-N", "Chi hội Bắc", Set.of(), Set.of(lan.id())),
                new SplitPart(p + "-S", "Chi hội Nam", Set.of(), Set.of())),
                LocalDate.now(clock));

        ActivityView moved = activities.find(coming.id()).orElseThrow();
        assertThat(parts.stream().map(UnitView::id)).contains(moved.unitId());
        assertThat(jdbc.queryForList("select unit_id from activity_audience where activity_id = ?", Long.class,
                coming.id())).containsExactlyInAnyOrderElementsOf(parts.stream().map(UnitView::id).toList());
        assertThat(activities.invitees(coming.id())).extracting(MemberView::id).contains(lan.id());
        assertThat(parts.stream().map(UnitView::id)).contains(inviteUnit(code));
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
