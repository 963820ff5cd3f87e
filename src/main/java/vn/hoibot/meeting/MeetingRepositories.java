package vn.hoibot.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface ActivityRepository extends JpaRepository<Activity, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Activity a where a.id = ?1")
    Optional<Activity> lock(long id);

    @Query("""
            select distinct a from Activity a join a.audienceUnits u
            where u in ?1 and a.endsAt > ?2 and a.status = vn.hoibot.meeting.Activity.Status.SCHEDULED
            order by a.startsAt""")
    List<Activity> upcomingFor(Collection<Long> units, Instant after);

    @Query("""
            select a from Activity a where a.unitId in ?1 and a.endsAt > ?2
            and a.status = vn.hoibot.meeting.Activity.Status.SCHEDULED order by a.startsAt""")
    List<Activity> upcomingOrganisedBy(Collection<Long> units, Instant after, Pageable page);

    @Query("select a.place from Activity a where a.unitId = ?1 and a.place is not null group by a.place "
            + "order by max(a.createdAt) desc")
    List<String> placesOf(long unitId, Pageable page);

    /** Activities of these units that end after {@code after} (cancelled ones too), soonest first. */
    @Query("""
            select a from Activity a where a.unitId in ?1 and a.endsAt > ?2 order by a.startsAt""")
    List<Activity> organisedSince(Collection<Long> units, Instant after, Pageable page);

    @Query("""
            select a from Activity a where a.checkinCode = ?1 and a.status = vn.hoibot.meeting.Activity.Status.SCHEDULED
            and a.startsAt <= ?3 and a.endsAt >= ?2""")
    List<Activity> withCode(String code, Instant endsNotBefore, Instant startsNotAfter);
}

interface ReminderRepository extends JpaRepository<ActivityReminder, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from ActivityReminder r where r.id = ?1")
    Optional<ActivityReminder> lock(long id);

    @Query("select r from ActivityReminder r where r.activityId = ?1 and r.status = vn.hoibot.meeting.ActivityReminder.Status.PENDING")
    List<ActivityReminder> pendingOf(long activityId);

    @Query("select r from ActivityReminder r where r.status = vn.hoibot.meeting.ActivityReminder.Status.PENDING")
    List<ActivityReminder> pending();
}

interface SeriesRepository extends JpaRepository<ActivitySeries, Long> {

    @Query("select s from ActivitySeries s where s.endedAt is null")
    List<ActivitySeries> active();

    @Query("select count(a) > 0 from Activity a where a.seriesId = ?1 and a.occurrenceDate = ?2")
    boolean hasOccurrence(long seriesId, java.time.LocalDate day);

    @Query("""
            select a from Activity a where a.seriesId = ?1 and a.startsAt > ?2
            and a.status = vn.hoibot.meeting.Activity.Status.SCHEDULED order by a.startsAt""")
    List<Activity> futureOccurrences(long seriesId, Instant after);
}
