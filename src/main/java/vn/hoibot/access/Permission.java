package vn.hoibot.access;

/** What an actor may do on a unit's subtree, each with the lowest role allowed to. */
public enum Permission {
    VIEW_OWN_DATA(Role.MEMBER),
    VIEW_MEMBERS(Role.GROUP_LEADER),
    BROADCAST(Role.GROUP_LEADER),
    MANAGE_ACTIVITIES(Role.GROUP_LEADER),
    MARK_ATTENDANCE(Role.GROUP_LEADER),
    RUN_SURVEY(Role.GROUP_LEADER),
    MANAGE_MEMBERS(Role.BRANCH_DEPUTY),
    APPROVE_JOIN(Role.BRANCH_DEPUTY),
    RECORD_MODELS(Role.BRANCH_DEPUTY),
    VIEW_INDICATORS(Role.UNIT_VICE_CHAIR),
    /** Add survey definitions (an XLSForm sent to the bot) for the subtree. */
    DEFINE_SURVEY(Role.UNIT_CHAIR),
    IMPORT_ROSTER(Role.ADMIN),
    ASSIGN_ROLES(Role.ADMIN),
    RESTRUCTURE(Role.ADMIN);

    private final Role lowestRole;

    Permission(Role lowestRole) {
        this.lowestRole = lowestRole;
    }

    public Role lowestRole() {
        return lowestRole;
    }
}
