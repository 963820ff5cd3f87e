package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * The one authorisation check. A grant covers its unit's subtree as of today; a permission needs a grant of at least
 * its lowest role there. Admins may do everything everywhere. Every member holds {@link Role#MEMBER} on her own unit.
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

    private final OrgService org;
    private final RoleAssignmentRepository assignments;
    private final MembershipRepository memberships;
    private final Clock clock;

    AccessPolicy(OrgService org, RoleAssignmentRepository assignments, MembershipRepository memberships,
            Clock clock) {
        this.org = org;
        this.assignments = assignments;
        this.memberships = memberships;
        this.clock = clock;
    }

    public boolean can(Actor actor, Permission permission, long unitId) {
        if (actor.admin()) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return actor.grants().stream()
                .filter(g -> g.role().atLeast(permission.lowestRole()))
                .anyMatch(g -> org.isWithin(unitId, g.unitId(), today));
    }

    public void require(Actor actor, Permission permission, long unitId) {
        if (!can(actor, permission, unitId)) {
            throw new AccessDeniedException();
        }
    }

    /** Units on whose subtrees the actor may use the permission (for an admin: every root). */
    public Set<Long> units(Actor actor, Permission permission) {
        LocalDate today = LocalDate.now(clock);
        if (actor.admin()) {
            Set<Long> roots = new LinkedHashSet<>();
            org.roots(today).forEach(u -> roots.add(u.id()));
            return roots;
        }
        List<Long> candidates = actor.grants().stream().filter(g -> g.role().atLeast(permission.lowestRole()))
                .map(RoleGrant::unitId).distinct().toList();
        Set<Long> result = new LinkedHashSet<>();
        for (Long unit : candidates) {
            boolean covered = candidates.stream()
                    .anyMatch(other -> !other.equals(unit) && org.isWithin(unit, other, today));
            boolean exists = org.find(unit).map(u -> isOpen(u, today)).orElse(false);
            if (!covered && exists) {
                result.add(unit);
            }
        }
        return result;
    }

    /** Builds the actor from her current role assignments and membership. */
    public Actor actorFor(long memberId) {
        LocalDate today = LocalDate.now(clock);
        List<RoleGrant> grants = new ArrayList<>();
        memberships.ofMemberOn(memberId, today).ifPresent(s -> grants.add(new RoleGrant(Role.MEMBER, s.unitId())));
        boolean admin = false;
        for (RoleAssignment a : assignments.ofMemberOn(memberId, today)) {
            grants.add(new RoleGrant(a.role(), a.unitId()));
            admin |= a.role() == Role.ADMIN;
        }
        return new Actor(memberId, admin, grants);
    }

    private static boolean isOpen(UnitView unit, LocalDate day) {
        return unit.validTo() == null || unit.validTo().isAfter(day);
    }
}
