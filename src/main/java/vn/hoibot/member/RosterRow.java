package vn.hoibot.member;

import java.time.LocalDate;
import java.util.Set;
import vn.hoibot.access.Role;

/**
 * One good roster row. Fields whose column the file lacks are null (for tags: {@code tagsGiven} false) and leave
 * the stored value alone. {@code statusDate} is the {@code Ngày thôi sinh hoạt} column: the day a status other than
 * active took effect (without it, the import's effective date). With the role column ({@code roleGiven}), the row
 * is the truth for her roles on its unit.
 */
record RosterRow(int rowNumber, String fullName, String phone, Integer birthYear, String unitCode, Boolean partyMember,
        Boolean pioneer, Set<MemberTag> tags, boolean tagsGiven, MemberStatus status, LocalDate joinDate,
        boolean joinDateGiven, Role role, LocalDate statusDate, boolean roleGiven) {

    /** The details after this row: the row's values where given, the current ones elsewhere. */
    MemberDetails over(MemberDetails current) {
        return new MemberDetails(fullName, phone != null ? phone : current.phone(),
                birthYear != null ? birthYear : current.birthYear(),
                partyMember != null ? partyMember : current.partyMember(),
                pioneer != null ? pioneer : current.pioneer(),
                status != null ? status : current.status(),
                joinDateGiven ? joinDate : current.joinDate(),
                tagsGiven ? tags : current.tags());
    }
}
