package vn.hoibot.member;

import java.time.LocalDate;
import java.util.Set;

/** The personal details of a member as a form or a roster row gives them (phone already normalised). */
record MemberDetails(String fullName, String phone, Integer birthYear, boolean partyMember, boolean pioneer,
        MemberStatus status, LocalDate joinDate, Set<MemberTag> tags) {

    MemberDetails {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
