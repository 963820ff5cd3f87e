package vn.hoibot.member;

/** A member's standing; labels are the messages {@code member.status.<NAME>}. */
public enum MemberStatus {
    ACTIVE, LEFT, DECEASED, ERASED
}
