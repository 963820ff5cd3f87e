package vn.hoibot.access;

/**
 * Roles from the lowest to the highest; each assignment covers the unit's subtree. Labels are the messages
 * {@code member.role.<NAME>}.
 */
public enum Role {
    MEMBER, GROUP_LEADER, BRANCH_DEPUTY, BRANCH_HEAD, UNIT_VICE_CHAIR, UNIT_CHAIR, PROVINCIAL_CADRE, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String messageKey() {
        return "member.role." + name();
    }
}
