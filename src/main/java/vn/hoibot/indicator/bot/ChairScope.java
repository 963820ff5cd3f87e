package vn.hoibot.indicator.bot;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.indicator.IndicatorProperties;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.UnitView;

/**
 * Who records for which commune unit, for the commands of a commune chair ({@code /nguonluc}, {@code /thammuu},
 * {@code /nopbaocao}, the records commands): the commune units at the top of her scope when she types the command,
 * and, when she presses a button later, the check again that the unit it names is still a commune unit she may
 * act on (roles change; a payload is not trusted).
 */
@Component
class ChairScope {

    private final UnitFinder finder;
    private final Accounts accounts;
    private final IndicatorProperties properties;

    ChairScope(UnitFinder finder, Accounts accounts, IndicatorProperties properties) {
        this.finder = finder;
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Her commune unit: the first commune unit at the top of her scope; empty when she is no commune chair. */
    Optional<UnitView> commune(Actor actor) {
        return finder.ownUnits(actor).stream().filter(u -> u.level().equals(properties.communeLevel())).findFirst();
    }

    /** At a button press: the commune unit named by the payload, if she may still act on it. */
    Optional<UnitView> pressed(Actor actor, long unitId) {
        return finder.unit(unitId).filter(u -> u.level().equals(properties.communeLevel()))
                .filter(u -> finder.mayRead(actor, u.id()));
    }

    /** Who typed or pressed: her access as it stands now. */
    Actor actor(vn.hoibot.chat.ChatContext ctx) {
        return accounts.actor(ctx.sender());
    }
}
