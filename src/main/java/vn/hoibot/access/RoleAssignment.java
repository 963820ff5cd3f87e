package vn.hoibot.access;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import vn.hoibot.time.DatedRow;

/** A role a member holds over a unit's subtree during [validFrom, validTo). */
@Entity
@Table(name = "role_assignment")
class RoleAssignment extends DatedRow {

    @Column(name = "member_id", nullable = false)
    private Long memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    protected RoleAssignment() {
    }

    RoleAssignment(long memberId, Role role, long unitId, LocalDate validFrom) {
        super(validFrom);
        this.memberId = memberId;
        this.role = role;
        this.unitId = unitId;
    }

    boolean memberIs(long id) {
        return memberId == id;
    }

    Long memberId() {
        return memberId;
    }

    Role role() {
        return role;
    }

    Long unitId() {
        return unitId;
    }
}
