package vn.hoibot.org;

import java.util.Set;

/** One unit that comes out of a split, with the children and members of the split unit that go to it. */
public record SplitPart(String code, String name, Set<Long> childIds, Set<Long> memberIds) {

    public SplitPart {
        childIds = childIds == null ? Set.of() : Set.copyOf(childIds);
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }
}
