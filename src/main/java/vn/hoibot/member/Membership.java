package vn.hoibot.member;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's unit during [validFrom, validTo). */
@Entity
@Table(name = "member_unit")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected Membership() {
    }

    Membership(long memberId, long unitId, LocalDate validFrom) {
        this.memberId = memberId;
        this.unitId = unitId;
        this.validFrom = validFrom;
    }

    void end(LocalDate day) {
        this.validTo = day;
    }

    boolean startsOn(LocalDate day) {
        return validFrom.equals(day);
    }

    LocalDate validFrom() {
        return validFrom;
    }

    Long memberId() {
        return memberId;
    }

    Long unitId() {
        return unitId;
    }
}
