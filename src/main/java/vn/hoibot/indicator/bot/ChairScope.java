package vn.hoibot.indicator.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.org.OrgService;
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

    /** A branch head of her commune unit today: who she is, and her branch. */
    record Head(long memberId, String name, long branchId, String branch) {
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT); // 31/2 is refused, not read as 28/2

    private final UnitFinder finder;
    private final Accounts accounts;
    private final IndicatorProperties properties;
    private final OrgService org;
    private final RoleAssignments roles;
    private final MemberDirectory directory;
    private final Clock clock;

    ChairScope(UnitFinder finder, Accounts accounts, IndicatorProperties properties, OrgService org,
            RoleAssignments roles, MemberDirectory directory, Clock clock) {
        this.finder = finder;
        this.accounts = accounts;
        this.properties = properties;
        this.org = org;
        this.roles = roles;
        this.directory = directory;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the unit lies in the commune unit's subtree today. */
    boolean within(long unitId, long communeId) {
        return org.isWithin(unitId, communeId, today());
    }

    /** The branches of the commune unit today, by name. */
    List<UnitView> branches(long communeId) {
        return org.subtree(communeId, today()).stream().filter(u -> u.level().equals(properties.branchLevel()))
                .sorted(java.util.Comparator.comparing(UnitView::name)).toList();
    }

    /**
     * The branch heads of the commune unit today, branch by branch: one statement for the holders of each branch and
     * one for all their names (not one member lookup per head).
     */
    List<Head> heads(long communeId) {
        List<UnitView> branches = branches(communeId);
        Map<UnitView, List<Long>> holders = new LinkedHashMap<>();
        branches.forEach(b -> holders.put(b, roles.holders(Role.BRANCH_HEAD, b.id())));
        Map<Long, MemberDirectory.Contact> names = directory
                .contacts(holders.values().stream().flatMap(List::stream).toList());
        List<Head> heads = new ArrayList<>();
        holders.forEach((branch, members) -> members.stream().map(names::get).filter(Objects::nonNull)
                .forEach(m -> heads.add(new Head(m.id(), m.fullName(), branch.id(), branch.name()))));
        return heads;
    }

    /** At a button press: the branch head the payload names, if she still is one in the commune unit. */
    Optional<Head> head(long communeId, long memberId) {
        return heads(communeId).stream().filter(h -> h.memberId() == memberId).findFirst();
    }

    /**
     * The day she typed (d/M/yyyy), today when she typed none; never in the future.
     *
     * @throws UserFacingException {@code <keys>.unreadable-date} or {@code <keys>.future-date}, with an example
     */
    LocalDate typedDay(String args, String keys) {
        LocalDate today = today();
        if (args.isBlank()) {
            return today;
        }
        LocalDate on;
        try {
            on = LocalDate.parse(args.strip(), TYPED);
        } catch (DateTimeParseException e) {
            throw new UserFacingException(keys + ".unreadable-date", args.strip());
        }
        if (on.isAfter(today)) {
            throw new UserFacingException(keys + ".future-date", DAY.format(on));
        }
        return on;
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
