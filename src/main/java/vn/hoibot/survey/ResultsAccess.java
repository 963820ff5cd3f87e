package vn.hoibot.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleGrant;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;

/**
 * Who sees what of a run's results (/ketqua and its exports), through the {@link AccessPolicy}: aggregates for any
 * leader of the subtree; a circumstances survey's for branch heads and above; names beside answers only for the
 * leaders of the member's own group, branch and commune; a sensitive survey's answers one by one only for her
 * branch head and commune chair; provincial cadres aggregates only, with cells of fewer than
 * {@code hoibot.survey.small-cell} suppressed.
 */
@Component
class ResultsAccess {

    /** What one leader may read of one run: the unit her figures are for and whether she only sees aggregates. */
    record View(Actor actor, SurveyRun run, long scope, boolean sensitive, boolean cadre) {
    }

    private static final Set<String> OWN_UNITS = Set.of("group", "branch", "commune");

    private final AccessPolicy policy;
    private final OrgService org;

    ResultsAccess(AccessPolicy policy, OrgService org) {
        this.policy = policy;
        this.org = org;
    }

    /** Units she may read results in; refused when none. */
    List<Long> units(Actor actor) {
        List<Long> units = List.copyOf(policy.units(actor, Permission.RUN_SURVEY));
        if (units.isEmpty()) {
            throw new UserFacingException("survey.results.no-rights");
        }
        return units;
    }

    /** Her view of the run, or refused (not inside her units; a sensitive survey below a branch head). */
    View view(Actor actor, SurveyRun run, boolean sensitive, LocalDate today) {
        long scope = scope(actor, units(actor), run, today)
                .orElseThrow(() -> new UserFacingException("survey.results.no-rights"));
        if (sensitive && !holds(actor, Role.BRANCH_HEAD, scope, today)) {
            throw new UserFacingException("survey.results.sensitive");
        }
        return new View(actor, run, scope, sensitive, cadreOnly(actor, scope, today));
    }

    /** Whether she sees the name of a member of this unit beside her answers. */
    boolean names(View view, long memberUnit) {
        return !view.cadre() && policy.leadsAtLevel(view.actor(), Role.GROUP_LEADER, memberUnit, OWN_UNITS);
    }

    /** Whether she sees the answers of a member of this unit one by one (a sensitive survey: her branch head, chair). */
    boolean answers(View view, long memberUnit) {
        if (view.cadre()) {
            return false;
        }
        return !view.sensitive() || policy.leadsAtLevel(view.actor(), Role.BRANCH_HEAD, memberUnit, Set.of("branch"))
                || policy.leadsAtLevel(view.actor(), Role.UNIT_CHAIR, memberUnit, Set.of("commune"));
    }

    /** The run's own unit when she leads it, else the unit of hers that lies inside the run's audience. */
    private Optional<Long> scope(Actor actor, List<Long> units, SurveyRun run, LocalDate today) {
        if (policy.can(actor, Permission.RUN_SURVEY, run.unitId())) {
            return Optional.of(run.unitId());
        }
        return units.stream().filter(u -> org.isWithin(u, run.unitId(), today)).findFirst();
    }

    private boolean holds(Actor actor, Role role, long unit, LocalDate today) {
        return actor.admin() || actor.grants().stream().anyMatch(g -> g.role().atLeast(role) && covers(g, unit, today));
    }

    /** Whether every grant of hers that covers the unit is a provincial cadre's (she sees suppressed cells). */
    private boolean cadreOnly(Actor actor, long unit, LocalDate today) {
        List<RoleGrant> covering = actor.grants().stream().filter(g -> covers(g, unit, today)).toList();
        return !actor.admin() && !covering.isEmpty()
                && covering.stream().allMatch(g -> g.role() == Role.PROVINCIAL_CADRE);
    }

    private boolean covers(RoleGrant g, long unit, LocalDate today) {
        return g.unitId() == unit || org.isWithin(unit, g.unitId(), today);
    }
}
