package vn.hoibot.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IdleBranch;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;

/**
 * The units that need a push, from the engine: commune units without their report for the period, and branches
 * with no held activity in the last full month, each with its responsible leaders (the chair, else the
 * vice-chairs; the branch head, else the deputies).
 */
@Component
class Pushes {

    enum Kind {
        NOT_REPORTED, IDLE_BRANCH
    }

    record Leader(long memberId, String name) {
    }

    record Target(Kind kind, long unitId, String code, String name, List<Leader> leaders) {
    }

    record Found(IndicatorReport report, ReportPeriod lastMonth, List<Target> notReported, List<Target> idle) {

        List<Target> all() {
            List<Target> out = new ArrayList<>(notReported);
            out.addAll(idle);
            return out;
        }
    }

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final RoleAssignments roles;
    private final MemberDirectory members;
    private final Clock clock;

    Pushes(IndicatorEngine engine, ReportPeriods periods, RoleAssignments roles, MemberDirectory members,
            Clock clock) {
        this.engine = engine;
        this.periods = periods;
        this.roles = roles;
        this.members = members;
        this.clock = clock;
    }

    Found find(long unitId, ReportPeriod period) {
        IndicatorReport report = engine.compute(unitId, period);
        List<Target> missing = new ArrayList<>();
        for (CommuneResult c : report.notReported()) {
            missing.add(new Target(Kind.NOT_REPORTED, c.id(), c.code(), c.name(),
                    leaders(c.id(), Role.UNIT_CHAIR, Role.UNIT_VICE_CHAIR)));
        }
        ReportPeriod month = lastFullMonth();
        List<Target> idle = new ArrayList<>();
        for (IdleBranch b : engine.idleBranches(unitId, month)) {
            idle.add(new Target(Kind.IDLE_BRANCH, b.id(), b.code(), b.name(),
                    leaders(b.id(), Role.BRANCH_HEAD, Role.BRANCH_DEPUTY)));
        }
        return new Found(report, month, missing, idle);
    }

    ReportPeriod lastFullMonth() {
        YearMonth last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        return periods.parse(last.getMonthValue() + "-" + last.getYear());
    }

    private List<Leader> leaders(long unitId, Role first, Role second) {
        List<Long> ids = roles.holders(first, unitId);
        if (ids.isEmpty()) {
            ids = roles.holders(second, unitId);
        }
        List<Leader> out = new ArrayList<>();
        for (long id : ids) {
            Optional<MemberView> m = members.findById(id);
            m.ifPresent(v -> out.add(new Leader(v.id(), v.fullName())));
        }
        return out;
    }
}
