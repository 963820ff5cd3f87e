package vn.hoibot.org;

import java.time.LocalDate;
import java.util.List;

/** Published inside the merging transaction: members of the absorbed units move to the survivor on {@code on}. */
public record UnitsMerged(List<Long> absorbedIds, long survivorId, LocalDate on) {
}
