package vn.hoibot.org;

import java.time.LocalDate;

import vn.hoibot.time.Period;

/** A unit as seen on one date: its parent is the parent on that date. */
public record UnitView(long id, String code, String name, String level, Long parentId, LocalDate validFrom,
        LocalDate validTo) {

    public Period validity() {
        return new Period(validFrom, validTo);
    }

    /** Whether the unit exists on the day. */
    public boolean validOn(LocalDate day) {
        return validity().contains(day);
    }

    /** Whether the unit has not ended by the day. */
    public boolean openAfter(LocalDate day) {
        return validity().openAfter(day);
    }
}
