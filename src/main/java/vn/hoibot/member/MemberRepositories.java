package vn.hoibot.member;

import static vn.hoibot.time.DatedRows.has;
import static vn.hoibot.time.DatedRows.open;
import static vn.hoibot.time.DatedRows.validOn;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import vn.hoibot.time.DatedRows;

interface MemberRepository extends JpaRepository<Member, Long>, JpaSpecificationExecutor<Member> {

    Optional<Member> findByPhone(String phone);

    @Query("""
            select m from Member m where m.nameKey = :nameKey and m.birthYear = :birthYear and exists (
              select 1 from Membership s where s.memberId = m.id and s.unitId = :unitId and s.validity.validTo is null)""")
    List<Member> findByNameYearAndUnit(String nameKey, Integer birthYear, Long unitId);

    @Query("""
            select m from Member m where m.nameKey = :nameKey and m.birthYear is null and exists (
              select 1 from Membership s where s.memberId = m.id and s.unitId = :unitId and s.validity.validTo is null)""")
    List<Member> findByNameAndUnitWithoutYear(String nameKey, Long unitId);

    /** Members whose name key is like the pattern with a membership in one of the units on the day, by name. */
    default Page<Member> search(String pattern, Collection<Long> unitIds, LocalDate day, Pageable page) {
        Specification<Member> spec = (root, query, cb) -> {
            Subquery<Long> sub = query.subquery(Long.class);
            Root<Membership> s = sub.from(Membership.class);
            sub.select(s.get("id")).where(cb.equal(s.get("memberId"), root.get("id")), s.get("unitId").in(unitIds),
                    DatedRows.validOn(s.get("validity"), cb, day));
            return cb.and(cb.like(root.get("nameKey"), pattern), cb.exists(sub));
        };
        return findAll(spec, PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("nameKey", "id")));
    }
}

interface MembershipRepository extends JpaRepository<Membership, Long>, JpaSpecificationExecutor<Membership> {

    default Optional<Membership> ofMemberOn(Long memberId, LocalDate day) {
        return findOne(validOn(day, has("memberId", memberId)));
    }

    default Optional<Membership> openOf(Long memberId) {
        return findOne(open(has("memberId", memberId)));
    }

    default List<Membership> inUnitsOn(Collection<Long> unitIds, LocalDate day) {
        return findAll(validOn(day, inUnits(unitIds)), Sort.by("memberId"));
    }

    default long countInUnitsOn(Collection<Long> unitIds, LocalDate day) {
        return count(validOn(day, inUnits(unitIds)));
    }

    private static Specification<Membership> inUnits(Collection<Long> unitIds) {
        return (root, query, cb) -> root.get("unitId").in(unitIds);
    }
}
