package vn.hoibot.member;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitSplit;
import vn.hoibot.org.UnitsMerged;
import vn.hoibot.time.DatedRow;

/**
 * Keeps members and roles in step with restructuring, inside the restructuring transaction: members of a unit that
 * ends move to its successor from the change date (roles end in the access module).
 */
@Component
class UnitChangeFollower {

    private final MembershipRepository memberships;

    UnitChangeFollower(MembershipRepository memberships) {
        this.memberships = memberships;
    }

    @EventListener
    void on(UnitsMerged merged) {
        for (Long absorbed : merged.absorbedIds()) {
            for (Membership s : memberships.inUnitsOn(List.of(absorbed), merged.on())) {
                move(s, merged.survivorId(), merged.on());
            }
        }
    }

    @EventListener
    void on(UnitSplit split) {
        for (Membership s : memberships.inUnitsOn(List.of(split.splitId()), split.on())) {
            move(s, split.memberTargets().getOrDefault(s.memberId(), split.defaultTargetId()), split.on());
        }
    }

    private void move(Membership s, long unitId, LocalDate on) {
        DatedRow.endOrDelete(s, on, memberships::delete);
        memberships.save(new Membership(s.memberId(), unitId, on));
    }
}
