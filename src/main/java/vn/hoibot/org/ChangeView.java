package vn.hoibot.org;

import java.time.LocalDate;

/** A recorded restructuring, as shown to callers. */
public record ChangeView(ChangeType type, LocalDate effectiveDate) {
}
