package vn.hoibot.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.text.Texts;

/**
 * Finds a unit by what she typed, only inside the subtrees where she may read indicators: its code, its name with
 * or without diacritics (whole name first, then the words typed anywhere in the name), or a level name such as
 * {@code tỉnh} for the units of that level.
 */
@Component
public class UnitFinder {

    private final AccessPolicy policy;
    private final OrgService org;
    private final Clock clock;

    public UnitFinder(AccessPolicy policy, OrgService org, Clock clock) {
        this.policy = policy;
        this.org = org;
        this.clock = clock;
    }

    /** The units at the top of her scope (her own units when she typed none). */
    public List<UnitView> ownUnits(Actor actor) {
        return policy.units(actor, Permission.VIEW_INDICATORS).stream().map(id -> org.find(id).orElseThrow())
                .toList();
    }

    /** Units matching the query in her scope, best matches only (several: she chooses). */
    public List<UnitView> find(Actor actor, String query, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, UnitView> scope = new LinkedHashMap<>();
        for (UnitView root : ownUnits(actor)) {
            org.subtree(root.id(), today).forEach(u -> scope.putIfAbsent(u.id(), u));
        }
        String q = Texts.fold(query);
        List<Predicate<UnitView>> tiers = List.of(
                u -> u.code().equalsIgnoreCase(query.strip()),
                u -> Texts.fold(u.name()).equals(q),
                u -> Texts.fold(org.levelName(u.level(), locale)).equals(q),
                u -> (" " + Texts.fold(u.name()) + " ").contains(" " + q + " "),
                u -> Texts.fold(u.name()).contains(q));
        for (Predicate<UnitView> tier : tiers) {
            List<UnitView> found = new ArrayList<>();
            scope.values().stream().filter(tier).forEach(found::add);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    public java.util.Optional<UnitView> unit(long id) {
        return org.find(id);
    }

    public boolean mayRead(Actor actor, long unitId) {
        return policy.can(actor, Permission.VIEW_INDICATORS, unitId);
    }
}
