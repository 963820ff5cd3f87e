package vn.hoibot.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
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
import vn.hoibot.time.Recurrence;

/** A recurring activity: what every occurrence is, and the monthly rule that says when. */
@Entity
@Table(name = "activity_series")
class ActivitySeries {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "type_code")
    private String typeCode;

    private String title;

    private String place;

    private String link;

    private String partners;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_kind")
    private AudienceKind audienceKind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "activity_series_audience", joinColumns = @JoinColumn(name = "series_id"))
    @Column(name = "unit_id")
    private Set<Long> audienceUnits = new LinkedHashSet<>();

    private String rule;

    @Column(name = "start_time")
    private String startTime;

    @Column(name = "duration_minutes")
    private int durationMinutes;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected ActivitySeries() {
    }

    ActivitySeries(ActivityDraft first, Recurrence recurrence, Long createdBy, Instant now) {
        this.unitId = first.unitId();
        this.typeCode = first.typeCode();
        this.title = first.title().strip();
        this.place = first.place();
        this.link = first.link();
        this.partners = first.partners();
        this.audienceKind = first.audienceKind();
        this.audienceUnits = new LinkedHashSet<>(first.audienceUnits());
        this.rule = recurrence.code();
        this.startTime = recurrence.time().toString();
        this.durationMinutes = (int) Duration.between(first.startsAt(), first.endsAt()).toMinutes();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    Recurrence recurrence() {
        return Recurrence.decode(rule, LocalTime.parse(startTime));
    }

    /** The draft of the occurrence that starts at {@code start}. */
    ActivityDraft occurrence(Instant start) {
        return new ActivityDraft(unitId, typeCode, title, start, start.plus(Duration.ofMinutes(durationMinutes)),
                place, link, partners, audienceKind, audienceUnits);
    }

    void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    boolean active() {
        return endedAt == null;
    }

    Long id() {
        return id;
    }

    long unitId() {
        return unitId;
    }

    Long createdBy() {
        return createdBy;
    }
}
