package vn.hoibot.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitView;
import vn.hoibot.time.DatedRow;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.text.Texts;

/** Writes validated roster rows; runs inside the importer's single transaction. */
@Component
class RosterWriter {

    private static final MemberDetails BLANK = new MemberDetails(null, null, null, false, false, MemberStatus.ACTIVE,
            null, null);

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final RoleAssignments roles;
    private final StatusHistory history;

    RosterWriter(MemberRepository members, MembershipRepository memberships, RoleAssignments roles,
            StatusHistory history) {
        this.members = members;
        this.memberships = memberships;
        this.roles = roles;
        this.history = history;
    }

    /** Returns {created, updated, unchanged}. */
    int[] write(List<RosterRow> rows, Map<String, Optional<UnitView>> units, LocalDate on) {
        int[] counts = new int[3];
        for (RosterRow row : rows) {
            UnitView unit = units.get(row.unitCode()).orElseThrow();
            Optional<Member> found = find(row, unit.id());
            boolean changed;
            Member member;
            if (found.isEmpty()) {
                member = new Member(row.fullName(), row.phone());
                member.update(row.over(BLANK));
                members.save(member);
                LocalDate from = row.joinDate() != null && row.joinDate().isAfter(unit.validFrom()) ? row.joinDate()
                        : row.joinDate() != null ? unit.validFrom() : on;
                memberships.save(new Membership(member.id(), unit.id(), from));
                history.changed(member.id(), MemberStatus.ACTIVE, member.status(), statusDate(row, on));
                counts[0]++;
            } else {
                member = found.get();
                MemberStatus before = member.status();
                changed = member.update(row.over(member.details()));
                history.changed(member.id(), before, member.status(), statusDate(row, on));
                changed |= moveIfNeeded(member.id(), unit.id(), on);
                MemberStatus status = member.status();
                if (status == MemberStatus.LEFT || status == MemberStatus.DECEASED) {
                    changed |= roles.endAll(member.id(), on) > 0; // she left: her roles end with her
                } else {
                    if (row.roleGiven()) {
                        changed |= roles.keepOnlyOnUnit(member.id(), unit.id(), row.role(), on) > 0;
                    }
                    changed |= assignIfNeeded(member.id(), row.role(), unit.id(), on);
                }
                counts[changed ? 1 : 2]++;
                continue;
            }
            assignIfNeeded(member.id(), row.role(), unit.id(), on);
        }
        members.flush();
        return counts;
    }

    /** The day a status other than active took effect: {@code Ngày thôi sinh hoạt}, else the import's date. */
    private static LocalDate statusDate(RosterRow row, LocalDate on) {
        return row.statusDate() != null && row.status() != MemberStatus.ACTIVE ? row.statusDate() : on;
    }

    private Optional<Member> find(RosterRow row, long unitId) {
        if (row.phone() != null) {
            Optional<Member> byPhone = members.findByPhone(row.phone());
            if (byPhone.isPresent()) {
                return byPhone;
            }
        }
        String key = Texts.fold(row.fullName());
        List<Member> candidates = row.birthYear() == null ? members.findByNameAndUnitWithoutYear(key, unitId)
                : members.findByNameYearAndUnit(key, row.birthYear(), unitId);
        return candidates.stream().filter(m -> m.phone() == null).findFirst();
    }

    private boolean moveIfNeeded(long memberId, long unitId, LocalDate on) {
        Optional<Membership> current = memberships.openOf(memberId);
        if (current.isPresent() && current.get().unitId() == unitId) {
            return false;
        }
        LocalDate from = on;
        if (current.isPresent()) {
            Membership open = current.get();
            from = open.validity().validFrom().isAfter(on) ? open.validity().validFrom() : on;
            DatedRow.endOrDelete(open, from, memberships::delete);
        }
        memberships.save(new Membership(memberId, unitId, from));
        if (current.isPresent()) {
            roles.endOutside(memberId, unitId, from); // her roles on her old branch do not follow her
        }
        return true;
    }

    private boolean assignIfNeeded(long memberId, Role role, long unitId, LocalDate on) {
        return role != null && roles.assign(memberId, role, unitId, on);
    }
}
