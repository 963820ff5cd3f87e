package vn.hoibot.org;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A unit's parent during [validFrom, validTo). */
@Entity
@Table(name = "org_unit_parent")
class UnitLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "parent_id", nullable = false)
    private Long parentId;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected UnitLink() {
    }

    UnitLink(long unitId, long parentId, LocalDate validFrom) {
        this.unitId = unitId;
        this.parentId = parentId;
        this.validFrom = validFrom;
    }

    void end(LocalDate day) {
        this.validTo = day;
    }

    boolean startsOn(LocalDate day) {
        return validFrom.equals(day);
    }

    Long unitId() {
        return unitId;
    }

    Long parentId() {
        return parentId;
    }
}
