package vn.hoibot.org;

import java.time.LocalDate;

/** A unit as seen on one date: its parent is the parent on that date. */
public record UnitView(long id, String code, String name, String level, Long parentId, LocalDate validFrom,
        LocalDate validTo) {
}
