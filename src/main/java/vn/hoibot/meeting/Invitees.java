package vn.hoibot.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.member.Accounts;
import vn.hoibot.member.Accounts.MemberChat;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberStatus;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Selection;
import vn.hoibot.org.OrgService;

/**
 * Who an activity invites: the active members, today, of its audience units and everything below them (not those
 * who left the Union or died).
 */
@Component
class Invitees {

    private final MemberDirectory directory;
    private final OrgService org;
    private final Accounts accounts;
    private final Clock clock;

    Invitees(MemberDirectory directory, OrgService org, Accounts accounts, Clock clock) {
        this.directory = directory;
        this.org = org;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The invitees as a list people read (a checklist, the registrations): erased members are no longer
     * invitees. A notice to them goes through {@link #selection} instead, which is never loaded.
     */
    List<MemberView> of(Activity activity) {
        LocalDate today = LocalDate.now(clock);
        Set<Long> seen = new LinkedHashSet<>();
        return activity.audienceUnits().stream()
                .flatMap(u -> directory.membersOf(u, today, true).stream())
                .filter(Invitees::active)
                .filter(m -> seen.add(m.id()))
                .toList();
    }

    /** The invitees who may be sent notices (column {@code member_id}), resolved in the database. */
    Selection selection(Activity activity) {
        return directory.activeMembersUnder(activity.audienceUnits(), LocalDate.now(clock), null);
    }

    boolean isInvited(Activity activity, long memberId) {
        LocalDate today = LocalDate.now(clock);
        if (directory.findById(memberId).filter(m -> !MemberStatus.ERASED.name().equals(m.status())).isEmpty()) {
            return false;
        }
        Optional<Long> unit = directory.memberOf(memberId, today);
        return unit.isPresent() && directory.findById(memberId).filter(Invitees::active).isPresent() && activity.audienceUnits().stream()
                .anyMatch(u -> u.equals(unit.get()) || org.isWithin(unit.get(), u, today));
    }

    static boolean active(MemberView member) {
        return MemberStatus.ACTIVE.name().equals(member.status());
    }

    /** Her unit and every unit above it today: an activity for any of them invites her. */
    Set<Long> unitsAbove(long memberId) {
        LocalDate today = LocalDate.now(clock);
        Set<Long> units = new LinkedHashSet<>();
        directory.memberOf(memberId, today).ifPresent(u -> {
            units.add(u);
            org.ancestors(u, today).forEach(a -> units.add(a.id()));
        });
        return units;
    }
}
