package vn.hoibot.org;

import static vn.hoibot.time.DatedRows.has;
import static vn.hoibot.time.DatedRows.validOn;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    /** Unit codes are case-insensitive everywhere: {@code nd-hh-hv} is {@code ND-HH-HV}. */
    Optional<OrgUnit> findFirstByCodeIgnoreCase(String code);
}

interface UnitLinkRepository extends JpaRepository<UnitLink, Long>, JpaSpecificationExecutor<UnitLink> {

    default Optional<UnitLink> parentLinkOn(Long unitId, LocalDate day) {
        return findOne(validOn(day, has("unitId", unitId)));
    }

    default List<UnitLink> childLinksOn(Long parentId, LocalDate day) {
        return findAll(validOn(day, has("parentId", parentId)));
    }
}

interface OrgChangeRepository extends JpaRepository<OrgChange, Long> {

    @Query("select c from OrgChange c join c.units u where u.unitId = :unitId order by c.effectiveDate, c.id")
    List<OrgChange> involving(Long unitId);
}
