package vn.hoibot.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);
}

interface UnitLinkRepository extends JpaRepository<UnitLink, Long> {

    @Query("""
            select l from UnitLink l where l.unitId = :unitId and l.validFrom <= :day
            and (l.validTo is null or l.validTo > :day)""")
    Optional<UnitLink> parentLinkOn(Long unitId, LocalDate day);

    @Query("""
            select l from UnitLink l where l.parentId = :parentId and l.validFrom <= :day
            and (l.validTo is null or l.validTo > :day)""")
    List<UnitLink> childLinksOn(Long parentId, LocalDate day);
}

interface OrgChangeRepository extends JpaRepository<OrgChange, Long> {

    @Query("select c from OrgChange c join c.units u where u.unitId = :unitId order by c.effectiveDate, c.id")
    List<OrgChange> involving(Long unitId);
}
