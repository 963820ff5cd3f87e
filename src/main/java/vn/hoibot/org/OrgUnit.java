package vn.hoibot.org;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.hoibot.chat.UserFacingException;

@Entity
@Table(name = "org_unit")
class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 32)
    private String level;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected OrgUnit() {
    }

    OrgUnit(String code, String name, String level, LocalDate validFrom) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.validFrom = validFrom;
    }

    boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** Ends the unit on {@code day} (exclusive): it no longer exists from that day. */
    void end(LocalDate day) {
        if (!validOn(day) && !day.equals(validFrom)) {
            throw new UserFacingException("org.unit.not-active", code);
        }
        this.validTo = day;
    }

    void rename(String newName) {
        this.name = newName;
    }

    Long id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String level() {
        return level;
    }

    LocalDate validFrom() {
        return validFrom;
    }

    LocalDate validTo() {
        return validTo;
    }
}
