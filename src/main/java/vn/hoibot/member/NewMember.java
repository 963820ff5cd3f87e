package vn.hoibot.member;

import java.time.LocalDate;
import java.util.Set;

/** A member to create; the phone may be in any accepted format, {@code joinDate} also starts her membership. */
public record NewMember(String fullName, String phone, Integer birthYear, boolean partyMember, boolean pioneer,
        LocalDate joinDate, long unitId, Set<MemberTag> tags, Long recruitedBy) {

    public NewMember {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
