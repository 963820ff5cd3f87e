/**
 * Roles on units, grants and the one authorisation check.
 *
 * <h2>Public API</h2>
 * {@link vn.hoibot.access.AccessPolicy} (can, require, units, actorFor), {@link vn.hoibot.access.RoleAssignments}
 * (assign, revoke, grantsOf, holders), {@link vn.hoibot.access.Actor}, {@link vn.hoibot.access.Role},
 * {@link vn.hoibot.access.Permission}, {@link vn.hoibot.access.RoleGrant},
 * {@link vn.hoibot.access.AccessDeniedException}.
 *
 * <p>Sits below {@code member}: it never reads memberships; the {@code MEMBER} grant on her own unit is handed in
 * ({@code actorFor(memberId, ownUnitId)}), so no dependency runs back up. Roles on units that end in a merge or split
 * end with them ({@code RolesFollowRestructuring}). Depends on {@code org}, {@code time}, {@code chat}.
 */
package vn.hoibot.access;
