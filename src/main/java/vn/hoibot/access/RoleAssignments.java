package vn.hoibot.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;

/** Giving and taking roles. Checking who may do so is the caller's job, through {@link AccessPolicy}. */
@Service
@Transactional
public class RoleAssignments {

    private static final Logger log = LoggerFactory.getLogger(RoleAssignments.class);

    private final RoleAssignmentRepository assignments;
    private final OrgService org;
    private final Clock clock;

    RoleAssignments(RoleAssignmentRepository assignments, OrgService org, Clock clock) {
        this.assignments = assignments;
        this.org = org;
        this.clock = clock;
    }

    /** Gives the role on the unit from today; returns false if she already holds it. The caller knows the member. */
    public boolean assign(long memberId, Role role, long unitId) {
        boolean given = assign(memberId, role, unitId, LocalDate.now(clock));
        if (given) {
            log.info("Role {} on unit {} given to member {}", role, unitId, memberId);
        }
        return given;
    }

    /**
     * Gives the role on the unit from the day; returns false if she already holds it on that day. Imports call this
     * for every row, so it logs nothing itself.
     */
    public boolean assign(long memberId, Role role, long unitId, LocalDate from) {
        org.find(unitId).orElseThrow(() -> new UserFacingException("org.unit.not-found", unitId));
        boolean held = assignments.holdersOn(role, unitId, from).stream().anyMatch(r -> r.memberIs(memberId));
        if (held) {
            return false;
        }
        assignments.save(new RoleAssignment(memberId, role, unitId, from));
        return true;
    }

    /** Ends the role on the unit today; returns false if she did not hold it. */
    public boolean revoke(long memberId, Role role, long unitId) {
        LocalDate today = LocalDate.now(clock);
        List<RoleAssignment> held = assignments.holdersOn(role, unitId, today).stream()
                .filter(r -> r.memberIs(memberId)).toList();
        held.forEach(r -> r.end(today));
        if (!held.isEmpty()) {
            log.info("Role {} on unit {} taken from member {}", role, unitId, memberId);
        }
        return !held.isEmpty();
    }

    @Transactional(readOnly = true)
    public List<RoleGrant> grantsOf(long memberId) {
        return assignments.ofMemberOn(memberId, LocalDate.now(clock)).stream()
                .map(a -> new RoleGrant(a.role(), a.unitId())).toList();
    }

    /** Members holding the role on exactly this unit today. */
    @Transactional(readOnly = true)
    public List<Long> holders(Role role, long unitId) {
        return assignments.holdersOn(role, unitId, LocalDate.now(clock)).stream().map(RoleAssignment::memberId)
                .toList();
    }
}
