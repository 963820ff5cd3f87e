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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final java.time.Clock clock;

    UnitChangeFollower(MembershipRepository memberships, org.springframework.jdbc.core.JdbcTemplate jdbc,
            java.time.Clock clock) {
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(UnitsMerged merged) {
        for (Long absorbed : merged.absorbedIds()) {
            for (Membership s : memberships.inUnitsOn(List.of(absorbed), merged.on())) {
                move(s, merged.survivorId(), merged.on());
            }
            follow(absorbed, merged.survivorId());
        }
    }

    @EventListener
    void on(UnitSplit split) {
        for (Membership s : memberships.inUnitsOn(List.of(split.splitId()), split.on())) {
            move(s, split.memberTargets().getOrDefault(s.memberId(), split.defaultTargetId()), split.on());
        }
        follow(split.splitId(), split.defaultTargetId());
    }

    /**
     * Invite links not yet expired, pending join requests and bound group chats of the unit that ended go to its
     * successor, so a joiner still finds approvers and a group still gets its unit's notices.
     */
    private void follow(long ended, long successor) {
        jdbc.update("update invite set unit_id = ? where unit_id = ? and expires_at > ?", successor, ended,
                clock.instant().atOffset(java.time.ZoneOffset.UTC));
        jdbc.update("update join_request set unit_id = ? where unit_id = ? and status = 'PENDING'", successor, ended);
        jdbc.update("update group_binding set unit_id = ? where unit_id = ?", successor, ended);
    }

    private void move(Membership s, long unitId, LocalDate on) {
        DatedRow.endOrDelete(s, on, memberships::delete);
        memberships.save(new Membership(s.memberId(), unitId, on));
    }
}
