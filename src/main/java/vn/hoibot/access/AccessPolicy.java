package vn.hoibot.access;

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
 * its lowest role there. Configured admins may do everything everywhere; an ADMIN role covers its unit's subtree. Every member holds {@link Role#MEMBER} on her own unit
 * (handed in by the member module: this module does not read memberships, so no dependency runs back up).
 */
@Service
@Transactional(readOnly = true)
public class AccessPolicy {

    private final OrgService org;
    private final RoleAssignmentRepository assignments;
    private final Clock clock;

    AccessPolicy(OrgService org, RoleAssignmentRepository assignments, Clock clock) {
        this.org = org;
        this.assignments = assignments;
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

    /**
     * Whether she leads the unit through a grant of at least {@code lowest} held on the unit itself or on one of its
     * ancestors of one of these levels (as the tree stands today). Survey exports use it: names beside answers for
     * the leaders of a member's own branch and commune only, not for those of a district or the province above.
     */
    public boolean leadsAtLevel(Actor actor, Role lowest, long unitId, java.util.Collection<String> levels) {
        if (actor.admin()) {
            return true;
        }
        LocalDate today = LocalDate.now(clock);
        return actor.grants().stream()
                .filter(g -> g.role().atLeast(lowest) && g.role() != Role.PROVINCIAL_CADRE)
                .filter(g -> org.find(g.unitId()).map(u -> levels.contains(u.level())).orElse(false))
                .anyMatch(g -> org.isWithin(unitId, g.unitId(), today));
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

    /**
     * Builds the actor from her current role assignments and the {@link Role#MEMBER} grant on her own unit, which the
     * member module hands in ({@code ownUnitId} null when she has no unit today).
     */
    public Actor actorFor(long memberId, Long ownUnitId) {
        LocalDate today = LocalDate.now(clock);
        List<RoleGrant> grants = new ArrayList<>();
        if (ownUnitId != null) {
            grants.add(new RoleGrant(Role.MEMBER, ownUnitId));
        }
        for (RoleAssignment a : assignments.ofMemberOn(memberId, today)) {
            grants.add(new RoleGrant(a.role(), a.unitId()));
        }
        // an ADMIN assignment is a grant on its unit's subtree like any other; only the admins named in the
        // configuration (hoibot.member.admins, set by the member module) are admins everywhere
        return new Actor(memberId, false, grants);
    }

    private static boolean isOpen(UnitView unit, LocalDate day) {
        return unit.openAfter(day);
    }
}
