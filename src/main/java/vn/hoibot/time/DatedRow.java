package vn.hoibot.time;

import java.time.LocalDate;
import java.util.function.Consumer;

import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** An entity that is valid during a {@link Period}: a unit, a parent link, a membership, a role assignment. */
@MappedSuperclass
public abstract class DatedRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private Period validity;

    protected DatedRow() {
    }

    protected DatedRow(LocalDate validFrom) {
        this.validity = Period.from(validFrom);
    }

    public Long id() {
        return id;
    }

    public Period validity() {
        return validity;
    }

    public boolean validOn(LocalDate day) {
        return validity.contains(day);
    }

    public boolean startsOn(LocalDate day) {
        return validity.startsOn(day);
    }

    /** Ends the row on {@code day} (exclusive), or on its first day if it begins later. */
    public void end(LocalDate day) {
        validity = validity.endingOn(day);
    }

    /**
     * Ends the row on {@code day}; a row that begins that very day would be empty, so it is deleted instead. The rule
     * for every change of a dated row (a move, a merge, a new parent).
     */
    public static <T extends DatedRow> void endOrDelete(T row, LocalDate day, Consumer<? super T> delete) {
        if (row.startsOn(day)) {
            delete.accept(row);
        } else {
            row.end(day);
        }
    }
}
