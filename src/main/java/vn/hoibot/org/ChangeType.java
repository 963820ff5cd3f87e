package vn.hoibot.org;

/** Kinds of restructuring recorded in {@code org_change}. */
public enum ChangeType {
    CREATE, MERGE, SPLIT, MOVE
}
