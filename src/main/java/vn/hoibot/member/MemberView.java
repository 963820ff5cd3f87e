package vn.hoibot.member;

import java.time.LocalDate;
import java.util.Set;

/** A member as other modules see her; {@code unitId} is her unit today. Phone is E.164 or null. */
public record MemberView(long id, String fullName, String phone, Integer birthYear, boolean partyMember,
        boolean pioneer, String status, LocalDate joinDate, Long unitId, Set<String> tags, Long recruitedBy) {

    /** Without her name or phone: a view printed by mistake in a log shows only ids. */
    @Override
    public String toString() {
        return "MemberView[id=" + id + ", status=" + status + ", unitId=" + unitId + "]";
    }
}
