package vn.hoibot.org;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** One restructuring, with the units involved and the part each played. */
@Entity
@Table(name = "org_change")
class OrgChange {

    enum Part { SOURCE, TARGET, NEW_PARENT, OLD_PARENT }

    @Embeddable
    record Involved(@Column(name = "unit_id", nullable = false) Long unitId,
            @Enumerated(EnumType.STRING) @Column(nullable = false, length = 16) Part part) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false, length = 16)
    private ChangeType type;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @ElementCollection
    @CollectionTable(name = "org_change_unit", joinColumns = @JoinColumn(name = "change_id"))
    private List<Involved> units = new ArrayList<>();

    protected OrgChange() {
    }

    OrgChange(ChangeType type, LocalDate effectiveDate, Instant recordedAt) {
        this.type = type;
        this.effectiveDate = effectiveDate;
        this.recordedAt = recordedAt;
    }

    OrgChange involve(long unitId, Part part) {
        units.add(new Involved(unitId, part));
        return this;
    }

    ChangeType type() {
        return type;
    }

    LocalDate effectiveDate() {
        return effectiveDate;
    }

    List<Involved> units() {
        return List.copyOf(units);
    }
}
