package vn.hoibot.access;

import static vn.hoibot.time.DatedRows.has;
import static vn.hoibot.time.DatedRows.openAfter;
import static vn.hoibot.time.DatedRows.validOn;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface RoleAssignmentRepository extends JpaRepository<RoleAssignment, Long>,
        JpaSpecificationExecutor<RoleAssignment> {

    default List<RoleAssignment> ofMemberOn(Long memberId, LocalDate day) {
        return findAll(validOn(day, has("memberId", memberId)));
    }

    default List<RoleAssignment> holdersOn(Role role, Long unitId, LocalDate day) {
        Specification<RoleAssignment> where = has("role", role);
        return findAll(validOn(day, where.and(has("unitId", unitId))));
    }

    default List<RoleAssignment> openOnUnitAfter(Long unitId, LocalDate day) {
        return findAll(openAfter(day, has("unitId", unitId)));
    }
}
