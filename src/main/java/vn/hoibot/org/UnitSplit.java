package vn.hoibot.org;

import java.time.LocalDate;
import java.util.Map;

/**
 * Published inside the splitting transaction: members of the split unit move on {@code on}, each to the unit
 * named in {@code memberTargets}, and those not named to {@code defaultTargetId}.
 */
public record UnitSplit(long splitId, Map<Long, Long> memberTargets, long defaultTargetId, LocalDate on) {
}
