package vn.hoibot.org;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.hoibot.time.DatedRow;
import vn.hoibot.chat.UserFacingException;

@Entity
@Table(name = "org_unit")
class OrgUnit extends DatedRow {

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, length = 32)
    private String level;

    protected OrgUnit() {
    }

    OrgUnit(String code, String name, String level, LocalDate validFrom) {
        super(validFrom);
        this.code = code;
        this.name = name;
        this.level = level;
    }

    /** Ends the unit on {@code day} (exclusive): it no longer exists from that day. */
    @Override
    public void end(LocalDate day) {
        if (!validOn(day) && !startsOn(day)) {
            throw new UserFacingException("org.unit.not-active", code);
        }
        super.end(day);
    }

    void rename(String newName) {
        this.name = newName;
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
}
