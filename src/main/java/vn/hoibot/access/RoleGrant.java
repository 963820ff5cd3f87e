package vn.hoibot.access;

/** A role held over a unit's subtree. */
public record RoleGrant(Role role, long unitId) {
}
