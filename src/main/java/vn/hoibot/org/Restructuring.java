package vn.hoibot.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgChange.Part;
import vn.hoibot.time.DatedRow;

/**
 * Merging, splitting and moving units. History is kept: links and units end on the change date (exclusive) and new
 * links start on it, so queries for an earlier date still see the old tree. Members follow through
 * {@link UnitsMerged} and {@link UnitSplit}, handled in the same transaction.
 */
@Service
@Transactional
public class Restructuring {

    private final OrgService org;
    private final OrgUnitRepository units;
    private final UnitLinkRepository links;
    private final OrgChangeRepository changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Restructuring(OrgService org, OrgUnitRepository units, UnitLinkRepository links, OrgChangeRepository changes,
            ApplicationEventPublisher events, Clock clock) {
        this.org = org;
        this.units = units;
        this.links = links;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** Merges the units into an existing survivor on {@code on}: their children and members move to it. */
    public UnitView merge(List<Long> absorbedIds, long survivorId, LocalDate on) {
        OrgUnit survivor = active(survivorId, on);
        OrgChange change = new OrgChange(ChangeType.MERGE, on, clock.instant()).involve(survivorId, Part.TARGET);
        for (Long id : absorbedIds) {
            OrgUnit absorbed = active(id, on);
            if (id == survivorId || org.isWithin(survivorId, id, on)) {
                throw new UserFacingException("org.merge.into-itself", absorbed.code(), survivor.code());
            }
            for (UnitLink child : links.childLinksOn(id, on)) {
                relink(child, survivorId, on);
            }
            links.parentLinkOn(id, on).ifPresent(l -> l.end(on));
            absorbed.end(on);
            change.involve(id, Part.SOURCE);
        }
        changes.save(change);
        units.flush();
        events.publishEvent(new UnitsMerged(List.copyOf(absorbedIds), survivorId, on));
        return org.find(survivorId).orElseThrow();
    }

    /** Creates a new unit on {@code on} and merges the units into it. */
    public UnitView mergeIntoNew(List<Long> absorbedIds, NewUnit survivor, LocalDate on) {
        UnitView created = org.createUnit(new NewUnit(survivor.code(), survivor.name(), survivor.level(),
                survivor.parentId(), on));
        return merge(absorbedIds, created.id(), on);
    }

    /**
     * Splits a unit on {@code on} into new units at the same level under the same parent. Children and members not
     * named in any part go to the first part. The split unit ends.
     */
    public List<UnitView> split(long unitId, List<SplitPart> parts, LocalDate on) {
        OrgUnit source = active(unitId, on);
        if (parts.isEmpty()) {
            throw new UserFacingException("org.split.no-parts", source.code());
        }
        Long parentId = links.parentLinkOn(unitId, on).map(UnitLink::parentId).orElse(null);
        OrgChange change = new OrgChange(ChangeType.SPLIT, on, clock.instant()).involve(unitId, Part.SOURCE);
        List<UnitView> created = new ArrayList<>();
        Map<Long, Long> childTargets = new HashMap<>();
        Map<Long, Long> memberTargets = new HashMap<>();
        for (SplitPart part : parts) {
            UnitView unit = org.createUnit(new NewUnit(part.code(), part.name(), source.level(), parentId, on));
            created.add(unit);
            change.involve(unit.id(), Part.TARGET);
            part.childIds().forEach(c -> childTargets.put(c, unit.id()));
            part.memberIds().forEach(m -> memberTargets.put(m, unit.id()));
        }
        long first = created.get(0).id();
        for (UnitLink child : links.childLinksOn(unitId, on)) {
            relink(child, childTargets.getOrDefault(child.unitId(), first), on);
        }
        links.parentLinkOn(unitId, on).ifPresent(l -> l.end(on));
        source.end(on);
        changes.save(change);
        units.flush();
        events.publishEvent(new UnitSplit(unitId, Map.copyOf(memberTargets), first, on));
        return created.stream().map(u -> org.find(u.id()).orElseThrow()).toList();
    }

    /** Moves a unit (with its subtree and members) under a new parent from {@code on}. */
    public UnitView move(long unitId, long newParentId, LocalDate on) {
        OrgUnit unit = active(unitId, on);
        OrgUnit parent = active(newParentId, on);
        if (org.isWithin(newParentId, unitId, on)) {
            throw new UserFacingException("org.move.cycle", unit.code(), parent.code());
        }
        org.checkLevels(parent, unit.level());
        OrgChange change = new OrgChange(ChangeType.MOVE, on, clock.instant())
                .involve(unitId, Part.SOURCE).involve(newParentId, Part.NEW_PARENT);
        links.parentLinkOn(unitId, on).ifPresent(l -> {
            change.involve(l.parentId(), Part.OLD_PARENT);
            l.end(on);
        });
        links.save(new UnitLink(unitId, newParentId, on));
        changes.save(change);
        units.flush();
        return org.find(unitId).orElseThrow();
    }

    /** Renames a unit; names carry no history. */
    public UnitView rename(long unitId, String name) {
        OrgUnit unit = units.findById(unitId).orElseThrow(() -> new UserFacingException("org.unit.not-found", unitId));
        unit.rename(name.trim());
        return org.find(unitId).orElseThrow();
    }

    private void relink(UnitLink child, long newParentId, LocalDate on) {
        if (child.parentId() == newParentId) {
            return;
        }
        DatedRow.endOrDelete(child, on, links::delete);
        links.save(new UnitLink(child.unitId(), newParentId, on));
    }

    private OrgUnit active(long id, LocalDate on) {
        OrgUnit unit = units.findById(id).orElseThrow(() -> new UserFacingException("org.unit.not-found", id));
        if (!unit.validOn(on)) {
            throw new UserFacingException("org.unit.not-active", unit.code());
        }
        return unit;
    }
}
