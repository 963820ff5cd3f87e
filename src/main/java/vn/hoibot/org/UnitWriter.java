package vn.hoibot.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitImporter.UnitRow;
import vn.hoibot.spreadsheet.RowError;

/** Writes validated unit rows, parents first; runs inside the importer's transaction. */
@Component
class UnitWriter {

    private final OrgService org;
    private final Restructuring restructuring;

    UnitWriter(OrgService org, Restructuring restructuring) {
        this.org = org;
        this.restructuring = restructuring;
    }

    /** Returns {created, updated, unchanged}; adds an error for each row it cannot write. */
    int[] write(List<UnitRow> rows, LocalDate on, List<RowError> errors) {
        int[] counts = new int[3];
        List<UnitRow> pending = new ArrayList<>(rows);
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (UnitRow row : List.copyOf(pending)) {
                Optional<UnitView> parent = UnitImporter.blankToEmpty(row.parentCode()).flatMap(org::findByCode);
                if (!row.parentCode().isBlank() && parent.isEmpty()) {
                    continue;
                }
                pending.remove(row);
                progress = true;
                write(row, parent.orElse(null), on, errors, counts);
            }
        }
        pending.forEach(row -> errors.add(new RowError(row.rowNumber(), "org.import.unknown-parent",
                new Object[] {row.parentCode()})));
        return counts;
    }

    private void write(UnitRow row, UnitView parent, LocalDate on, List<RowError> errors, int[] counts) {
        Optional<UnitView> existing = org.findByCode(row.code());
        if (parent != null && !org.canHold(parent.level(), row.level())) {
            errors.add(new RowError(row.rowNumber(), "org.import.bad-parent-level",
                    new Object[] {row.level(), parent.code()}));
            return;
        }
        if (existing.isEmpty()) {
            if (parent != null && !activeOn(parent, row.from())) {
                errors.add(new RowError(row.rowNumber(), "org.import.unknown-parent", new Object[] {row.parentCode()}));
                return;
            }
            org.createUnit(new NewUnit(row.code(), row.name(), row.level(), parent == null ? null : parent.id(),
                    row.from()));
            counts[0]++;
            return;
        }
        UnitView unit = existing.get();
        if (!unit.level().equals(row.level())) {
            errors.add(new RowError(row.rowNumber(), "org.import.level-changed", new Object[] {row.code()}));
            return;
        }
        boolean changed = false;
        Long currentParent = org.ancestors(unit.id(), on).stream().findFirst().map(UnitView::id).orElse(null);
        Long wanted = parent == null ? null : parent.id();
        if (wanted != null && !wanted.equals(currentParent)) {
            if (!activeOn(unit, on) || !activeOn(parent, on) || org.isWithin(wanted, unit.id(), on)) {
                errors.add(new RowError(row.rowNumber(), "org.import.cycle", new Object[] {row.code(), parent.code()}));
                return;
            }
            restructuring.move(unit.id(), wanted, on);
            changed = true;
        }
        if (!unit.name().equals(row.name())) {
            restructuring.rename(unit.id(), row.name());
            changed = true;
        }
        counts[changed ? 1 : 2]++;
    }

    private static boolean activeOn(UnitView unit, LocalDate day) {
        return unit.validOn(day);
    }
}
