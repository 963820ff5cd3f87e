package vn.hoibot.meeting;

/** Who is invited: the whole subtree of the organising unit, one branch in it, or selected groups. */
public enum AudienceKind {
    SUBTREE, BRANCH, GROUPS
}
