package vn.hoibot.org;

import java.time.LocalDate;

/** What is needed to create a unit; {@code parentId} is null for a root. */
public record NewUnit(String code, String name, String level, Long parentId, LocalDate validFrom) {
}
