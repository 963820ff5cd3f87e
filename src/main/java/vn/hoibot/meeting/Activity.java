package vn.hoibot.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.hoibot.chat.UserFacingException;

/**
 * A meeting or activity of a unit. Keeps its own rules: it starts in the future and ends after it starts; once
 * started it can be neither changed nor cancelled; a cancelled one stays cancelled; RSVP closes when it starts;
 * check-in is open only around its time.
 */
@Entity
@Table(name = "activity")
class Activity {

    enum Status {
        SCHEDULED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "type_code")
    private String typeCode;

    private String title;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private String place;

    private String link;

    private String partners;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_kind")
    private AudienceKind audienceKind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_audience", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "unit_id")
    private Set<Long> audienceUnits = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "checkin_code")
    private String checkinCode;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "series_id")
    private Long seriesId;

    @Column(name = "occurrence_date")
    private java.time.LocalDate occurrenceDate;

    @Version
    private long version;

    protected Activity() {
    }

    Activity(ActivityDraft draft, String checkinCode, Long createdBy, Instant now) {
        checkTimes(draft.startsAt(), draft.endsAt(), now);
        if (draft.title() == null || draft.title().isBlank()) {
            throw new UserFacingException("meeting.title.empty");
        }
        if (draft.audienceUnits().isEmpty()) {
            throw new UserFacingException("meeting.audience.empty");
        }
        this.unitId = draft.unitId();
        this.typeCode = draft.typeCode();
        this.title = draft.title().strip();
        this.startsAt = draft.startsAt();
        this.endsAt = draft.endsAt();
        this.place = draft.place();
        this.link = draft.link();
        this.partners = draft.partners();
        this.audienceKind = draft.audienceKind();
        this.audienceUnits = new LinkedHashSet<>(draft.audienceUnits());
        this.status = Status.SCHEDULED;
        this.checkinCode = checkinCode;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Marks it as the occurrence of a recurring series on that day. */
    Activity occurrenceOf(long series, java.time.LocalDate day) {
        this.seriesId = series;
        this.occurrenceDate = day;
        return this;
    }

    static void checkTimes(Instant startsAt, Instant endsAt, Instant now) {
        if (!startsAt.isAfter(now)) {
            throw new UserFacingException("meeting.date.past");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new UserFacingException("meeting.date.end_before_start");
        }
    }

    /** Moves it or changes its details; refused once it has started or when it was cancelled. */
    void change(ActivityChange change, Instant now) {
        requireChangeable(now);
        Instant newStart = change.startsAt() != null ? change.startsAt() : startsAt;
        Instant newEnd = change.endsAt() != null ? change.endsAt()
                : change.startsAt() != null ? newStart.plus(Duration.between(startsAt, endsAt)) : endsAt;
        checkTimes(newStart, newEnd, now);
        startsAt = newStart;
        endsAt = newEnd;
        if (change.title() != null && !change.title().isBlank()) {
            title = change.title().strip();
        }
        if (change.place() != null) {
            place = change.place().isBlank() ? null : change.place().strip();
        }
        if (change.link() != null) {
            link = change.link().isBlank() ? null : change.link().strip();
        }
        changedAt = now;
    }

    /** Calls it off; refused when it was cancelled already or has started (it was held). */
    void cancel(Instant now) {
        requireChangeable(now);
        status = Status.CANCELLED;
        cancelledAt = now;
    }

    private void requireChangeable(Instant now) {
        if (status == Status.CANCELLED) {
            throw new UserFacingException("meeting.activity.cancelled", title);
        }
        if (hasStarted(now)) {
            throw new UserFacingException("meeting.activity.started", title);
        }
    }

    boolean hasStarted(Instant now) {
        return !now.isBefore(startsAt);
    }

    boolean isCancelled() {
        return status == Status.CANCELLED;
    }

    /** RSVP is open until it starts, unless it was cancelled. */
    void requireOpenForAnswers(Instant now) {
        if (isCancelled()) {
            throw new UserFacingException("meeting.activity.cancelled", title);
        }
        if (hasStarted(now)) {
            throw new UserFacingException("meeting.rsvp.closed", title);
        }
    }

    /** Attendance may be recorded from {@code early} before the start until {@code late} after the end. */
    boolean inCheckInWindow(Instant now, Duration early, Duration late) {
        return !isCancelled() && !now.isBefore(startsAt.minus(early)) && !now.isAfter(endsAt.plus(late));
    }

    /** Attendance may be marked by a leader once it is about to start, and corrected later. */
    void requireMarkable(Instant now, Duration early) {
        if (isCancelled()) {
            throw new UserFacingException("meeting.activity.cancelled", title);
        }
        if (now.isBefore(startsAt.minus(early))) {
            throw new UserFacingException("meeting.attendance.too_early", title);
        }
    }

    ActivityView view() {
        return new ActivityView(id, unitId, typeCode, title, startsAt, endsAt, place, link, partners, audienceKind,
                Set.copyOf(audienceUnits), status == Status.CANCELLED, createdBy, seriesId);
    }

    Long id() {
        return id;
    }

    long unitId() {
        return unitId;
    }

    String title() {
        return title;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    Set<Long> audienceUnits() {
        return Set.copyOf(audienceUnits);
    }

    String checkinCode() {
        return checkinCode;
    }
}
