package vn.hoibot.member;

/** A role held over a unit's subtree. */
public record RoleGrant(Role role, long unitId) {
}
