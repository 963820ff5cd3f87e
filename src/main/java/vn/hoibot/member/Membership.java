package vn.hoibot.member;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.hoibot.time.DatedRow;

/** A member's unit during [validFrom, validTo). */
@Entity
@Table(name = "member_unit")
class Membership extends DatedRow {

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    protected Membership() {
    }

    Membership(long memberId, long unitId, LocalDate validFrom) {
        super(validFrom);
        this.memberId = memberId;
        this.unitId = unitId;
    }

    Long memberId() {
        return memberId;
    }

    Long unitId() {
        return unitId;
    }
}
