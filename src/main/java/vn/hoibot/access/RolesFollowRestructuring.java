package vn.hoibot.access;

import java.time.LocalDate;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitSplit;
import vn.hoibot.org.UnitsMerged;

/** Roles held on a unit that ends in a merge or split end on the change date, inside its transaction. */
@Component
class RolesFollowRestructuring {

    private final RoleAssignmentRepository roles;

    RolesFollowRestructuring(RoleAssignmentRepository roles) {
        this.roles = roles;
    }

    @EventListener
    void on(UnitsMerged merged) {
        merged.absorbedIds().forEach(id -> endRoles(id, merged.on()));
    }

    @EventListener
    void on(UnitSplit split) {
        endRoles(split.splitId(), split.on());
    }

    private void endRoles(long unitId, LocalDate on) {
        roles.openOnUnitAfter(unitId, on).forEach(r -> r.end(on));
    }
}
