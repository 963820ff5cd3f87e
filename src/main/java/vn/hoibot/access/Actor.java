package vn.hoibot.access;

import java.util.List;

/** Who is acting: a member (or nobody known yet, {@code memberId} null), whether admin, and her role grants. */
public record Actor(Long memberId, boolean admin, List<RoleGrant> grants) {

    public Actor {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public static Actor anonymous() {
        return new Actor(null, false, List.of());
    }
}
