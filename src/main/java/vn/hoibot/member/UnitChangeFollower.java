package vn.hoibot.member;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitSplit;
import vn.hoibot.org.UnitsMerged;

/**
 * Keeps members and roles in step with restructuring, inside the restructuring transaction: members of a unit that
 * ends move to its successor from the change date; roles held on the ended unit end then too.
 */
@Component
class UnitChangeFollower {

    private final MembershipRepository memberships;
    private final RoleAssignmentRepository roles;

    UnitChangeFollower(MembershipRepository memberships, RoleAssignmentRepository roles) {
        this.memberships = memberships;
        this.roles = roles;
    }

    @EventListener
    void on(UnitsMerged merged) {
        for (Long absorbed : merged.absorbedIds()) {
            for (Membership s : memberships.inUnitsOn(List.of(absorbed), merged.on())) {
                move(s, merged.survivorId(), merged.on());
            }
            endRoles(absorbed, merged.on());
        }
    }

    @EventListener
    void on(UnitSplit split) {
        for (Membership s : memberships.inUnitsOn(List.of(split.splitId()), split.on())) {
            move(s, split.memberTargets().getOrDefault(s.memberId(), split.defaultTargetId()), split.on());
        }
        endRoles(split.splitId(), split.on());
    }

    private void move(Membership s, long unitId, LocalDate on) {
        if (s.startsOn(on)) {
            memberships.delete(s);
        } else {
            s.end(on);
        }
        memberships.save(new Membership(s.memberId(), unitId, on));
    }

    private void endRoles(long unitId, LocalDate on) {
        roles.openOnUnitAfter(unitId, on).forEach(r -> r.endNoEarlierThan(on));
    }
}
