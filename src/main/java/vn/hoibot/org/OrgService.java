package vn.hoibot.org;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;

/** The unit tree: lookups and dated tree queries, and creating units. Restructuring is in {@link Restructuring}. */
@Service
@Transactional(readOnly = true)
public class OrgService {

    private final OrgUnitRepository units;
    private final UnitLinkRepository links;
    private final OrgChangeRepository changes;
    private final UnitTreeQueries tree;
    private final OrgProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    OrgService(OrgUnitRepository units, UnitLinkRepository links, OrgChangeRepository changes, UnitTreeQueries tree,
            OrgProperties properties, MessageSource messages, Clock clock) {
        this.units = units;
        this.links = links;
        this.changes = changes;
        this.tree = tree;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    public Optional<UnitView> find(long id) {
        return units.findById(id).map(this::viewToday);
    }

    /**
     * The unit's name as lists show it: a unit of the lowest level (a group) with its parent's name, since every
     * branch has a {@code Tổ 1} ({@code Tổ 1 · Chi hội Xóm Ba}); any other unit by its name.
     */
    public String label(UnitView unit) {
        int lowest = properties.levels().size() - 1;
        if (unit.parentId() == null || properties.rank(unit.level()) != lowest) {
            return unit.name();
        }
        return find(unit.parentId()).map(parent -> unit.name() + " · " + parent.name()).orElse(unit.name());
    }

    /** {@link #label(UnitView)} of the unit with that id today, or empty text when there is none. */
    public String label(long unitId) {
        return find(unitId).map(this::label).orElse("");
    }

    public Optional<UnitView> findByCode(String code) {
        return code == null ? Optional.empty() : units.findFirstByCodeIgnoreCase(code.trim()).map(this::viewToday);
    }

    public List<UnitView> children(long id, LocalDate asOf) {
        return links.childLinksOn(id, asOf).stream()
                .map(l -> units.findById(l.unitId()).orElseThrow())
                .filter(u -> u.validOn(asOf))
                .map(u -> view(u, id))
                .sorted(java.util.Comparator.comparing(UnitView::code))
                .toList();
    }

    /** The unit and all units below it on {@code asOf}, parents first; empty if the unit did not exist then. */
    public List<UnitView> subtree(long id, LocalDate asOf) {
        units.flush();
        return tree.subtree(id, asOf);
    }

    /** The ancestors of the unit on {@code asOf}, its parent first, the root last. */
    public List<UnitView> ancestors(long id, LocalDate asOf) {
        units.flush();
        return tree.ancestors(id, asOf);
    }

    /** Whether the unit is the ancestor or lies below it on {@code asOf}. */
    public boolean isWithin(long unitId, long ancestorId, LocalDate asOf) {
        if (unitId == ancestorId) {
            return units.findById(unitId).map(u -> u.validOn(asOf)).orElse(false);
        }
        return ancestors(unitId, asOf).stream().anyMatch(a -> a.id() == ancestorId);
    }

    public List<UnitView> roots(LocalDate asOf) {
        units.flush();
        return tree.roots(asOf);
    }

    public List<String> levels() {
        return properties.levels().stream().map(OrgProperties.Level::code).toList();
    }

    public String levelName(String level, Locale locale) {
        OrgProperties.Level l = properties.level(level).orElseThrow(() -> new UserFacingException("org.level.unknown", level));
        String configured = l.names().get(locale.getLanguage());
        if (configured != null) {
            return configured;
        }
        return messages.getMessage("org.level." + l.code(), null, l.code(), locale);
    }

    /** The restructurings the unit took part in, oldest first. */
    public List<ChangeView> history(long unitId) {
        return changes.involving(unitId).stream().map(c -> new ChangeView(c.type(), c.effectiveDate())).toList();
    }

    @Transactional
    public UnitView createUnit(NewUnit unit) {
        String code = unit.code() == null ? "" : unit.code().trim();
        if (code.isEmpty() || unit.name() == null || unit.name().isBlank()) {
            throw new UserFacingException("org.unit.incomplete");
        }
        if (units.findFirstByCodeIgnoreCase(code).isPresent()) {
            throw new UserFacingException("org.unit.duplicate-code", code);
        }
        String level = properties.level(unit.level()).map(OrgProperties.Level::code)
                .orElseThrow(() -> new UserFacingException("org.level.unknown", unit.level()));
        LocalDate from = unit.validFrom() == null ? LocalDate.now(clock) : unit.validFrom();
        if (unit.parentId() != null) {
            OrgUnit parent = units.findById(unit.parentId())
                    .orElseThrow(() -> new UserFacingException("org.unit.not-found", unit.parentId()));
            checkLevels(parent, level);
            if (!parent.validOn(from)) {
                throw new UserFacingException("org.unit.not-active", parent.code());
            }
        }
        OrgUnit saved = units.save(new OrgUnit(code, unit.name().trim(), level, from));
        if (unit.parentId() != null) {
            links.save(new UnitLink(saved.id(), unit.parentId(), from));
        }
        changes.save(new OrgChange(ChangeType.CREATE, from, clock.instant()).involve(saved.id(), OrgChange.Part.TARGET));
        return view(saved, unit.parentId());
    }

    /** Whether a unit of {@code childLevel} may hang directly under one of {@code parentLevel}. */
    public boolean canHold(String parentLevel, String childLevel) {
        int p = properties.rank(parentLevel);
        int c = properties.rank(childLevel);
        if (p < 0 || c <= p) {
            return false;
        }
        for (int i = p + 1; i < c; i++) {
            if (!properties.levels().get(i).optional()) {
                return false;
            }
        }
        return true;
    }

    /** A child must sit lower than its parent; optional levels in between may be skipped, others may not. */
    void checkLevels(OrgUnit parent, String childLevel) {
        if (!canHold(parent.level(), childLevel)) {
            throw new UserFacingException("org.unit.bad-level", childLevel, parent.code());
        }
    }

    UnitView viewToday(OrgUnit unit) {
        LocalDate day = LocalDate.now(clock);
        if (!unit.validity().openAfter(day)) {
            day = unit.validity().validTo().minusDays(1);
        }
        Long parent = links.parentLinkOn(unit.id(), day).map(UnitLink::parentId).orElse(null);
        return view(unit, parent);
    }

    static UnitView view(OrgUnit u, Long parentId) {
        return new UnitView(u.id(), u.code(), u.name(), u.level(), parentId, u.validity().validFrom(), u.validity().validTo());
    }
}
