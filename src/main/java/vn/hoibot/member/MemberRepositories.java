package vn.hoibot.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByPhone(String phone);

    @Query("""
            select m from Member m where m.nameKey = :nameKey and m.birthYear = :birthYear and exists (
              select 1 from Membership s where s.memberId = m.id and s.unitId = :unitId and s.validTo is null)""")
    List<Member> findByNameYearAndUnit(String nameKey, Integer birthYear, Long unitId);

    @Query("""
            select m from Member m where m.nameKey = :nameKey and m.birthYear is null and exists (
              select 1 from Membership s where s.memberId = m.id and s.unitId = :unitId and s.validTo is null)""")
    List<Member> findByNameAndUnitWithoutYear(String nameKey, Long unitId);

    @Query(value = """
            select m from Member m where m.nameKey like :pattern and exists (
              select 1 from Membership s where s.memberId = m.id and s.unitId in :unitIds and s.validFrom <= :day
              and (s.validTo is null or s.validTo > :day)) order by m.nameKey, m.id""")
    Page<Member> search(String pattern, Collection<Long> unitIds, LocalDate day, Pageable page);
}

interface MembershipRepository extends JpaRepository<Membership, Long> {

    @Query("""
            select s from Membership s where s.memberId = :memberId and s.validFrom <= :day
            and (s.validTo is null or s.validTo > :day)""")
    Optional<Membership> ofMemberOn(Long memberId, LocalDate day);

    @Query("select s from Membership s where s.memberId = :memberId and s.validTo is null")
    Optional<Membership> openOf(Long memberId);

    @Query("""
            select s from Membership s where s.unitId in :unitIds and s.validFrom <= :day
            and (s.validTo is null or s.validTo > :day) order by s.memberId""")
    List<Membership> inUnitsOn(Collection<Long> unitIds, LocalDate day);

    @Query("""
            select count(s) from Membership s where s.unitId in :unitIds and s.validFrom <= :day
            and (s.validTo is null or s.validTo > :day)""")
    long countInUnitsOn(Collection<Long> unitIds, LocalDate day);
}

interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long> {

    @Query("""
            select r from RoleAssignment r where r.memberId = :memberId and r.validFrom <= :day
            and (r.validTo is null or r.validTo > :day)""")
    List<RoleAssignment> ofMemberOn(Long memberId, LocalDate day);

    @Query("""
            select r from RoleAssignment r where r.role = :role and r.unitId = :unitId and r.validFrom <= :day
            and (r.validTo is null or r.validTo > :day)""")
    List<RoleAssignment> holdersOn(Role role, Long unitId, LocalDate day);

    @Query("select r from RoleAssignment r where r.unitId = :unitId and (r.validTo is null or r.validTo > :day)")
    List<RoleAssignment> openOnUnitAfter(Long unitId, LocalDate day);
}
