package vn.hoibot.org;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.hoibot.time.DatedRow;

/** A unit's parent during [validFrom, validTo). */
@Entity
@Table(name = "org_unit_parent")
class UnitLink extends DatedRow {

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "parent_id", nullable = false)
    private Long parentId;

    protected UnitLink() {
    }

    UnitLink(long unitId, long parentId, LocalDate validFrom) {
        super(validFrom);
        this.unitId = unitId;
        this.parentId = parentId;
    }

    Long unitId() {
        return unitId;
    }

    Long parentId() {
        return parentId;
    }
}
