package vn.hoibot.time;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A half-open validity [validFrom, validTo) of a dated row (a unit, its parent link, a membership, a role): valid on a
 * day when it began on or before it and has not ended by it; {@code validTo} null means still valid. Stored as the
 * columns {@code valid_from} and {@code valid_to}. The same rule for queries: {@link #sqlValidOn} in SQL,
 * {@link DatedRows#validOn} for JPA repositories.
 */
@Embeddable
public record Period(
        @Column(name = "valid_from", nullable = false) LocalDate validFrom,
        @Column(name = "valid_to") LocalDate validTo) {

    public Period {
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("a period cannot end before it begins");
        }
    }

    /** Valid from the day on, with no end yet. */
    public static Period from(LocalDate day) {
        return new Period(day, null);
    }

    public boolean contains(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    public boolean isOpen() {
        return validTo == null;
    }

    /** Not ended by the day: open, or ending after it (it may not have begun yet). */
    public boolean openAfter(LocalDate day) {
        return validTo == null || validTo.isAfter(day);
    }

    public boolean startsOn(LocalDate day) {
        return validFrom.equals(day);
    }

    /** The same period ending on {@code day} (exclusive), or on its first day if the day lies before it. */
    public Period endingOn(LocalDate day) {
        return new Period(validFrom, day.isBefore(validFrom) ? validFrom : day);
    }

    /**
     * SQL condition "the row aliased {@code alias} is valid on the date parameter {@code :param}", for the columns
     * valid_from and valid_to; plain SQL that runs on H2 and PostgreSQL.
     */
    public static String sqlValidOn(String alias, String param) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return "%1$svalid_from <= :%2$s and (%1$svalid_to is null or %1$svalid_to > :%2$s)".formatted(p, param);
    }

    /** {@link #sqlValidOn(String, String)} with the parameter {@code :day}. */
    public static String sqlValidOn(String alias) {
        return sqlValidOn(alias, "day");
    }
}
