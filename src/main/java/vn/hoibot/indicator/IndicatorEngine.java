package vn.hoibot.indicator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorQueries.Ask;
import vn.hoibot.indicator.IndicatorQueries.Heads;
import vn.hoibot.indicator.IndicatorQueries.Members;
import vn.hoibot.indicator.IndicatorQueries.Records;
import vn.hoibot.indicator.IndicatorQueries.Slot;
import vn.hoibot.survey.SurveyCoverage;
import vn.hoibot.survey.SurveyKind;

/**
 * The one indicator engine: every indicator of docs/indicators.md for a unit's subtree and a period, computed by
 * {@link IndicatorQueries} in the database; here only the per-commune aggregates are combined. The reports module
 * reads this and nothing else.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorEngine {

    public static final List<String> COMPONENTS = List.of("C1", "C2", "C3", "C4", "C5", "C6");

    private final IndicatorQueries queries;
    private final IndicatorProperties properties;
    private final ObjectProvider<SurveyCoverage> coverage;
    private final Clock clock;

    IndicatorEngine(IndicatorQueries queries, IndicatorProperties properties, ObjectProvider<SurveyCoverage> coverage,
            Clock clock) {
        this.queries = queries;
        this.properties = properties;
        this.coverage = coverage;
        this.clock = clock;
    }

    /**
     * Computes every indicator for the subtree of {@code unitId} over {@code period}. Throws a
     * {@link UserFacingException} when the period starts after today ({@code indicator.period.future}) or the unit
     * does not exist on the day the figures stand on ({@code indicator.unit.not-active}).
     */
    public IndicatorReport compute(long unitId, ReportPeriod period) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        if (period.from().isAfter(today)) {
            throw new UserFacingException("indicator.period.future", period.label());
        }
        LocalDate day = period.to().isAfter(today) ? today : period.to();
        IndicatorQueries.Unit root = queries.root(unitId, day)
                .orElseThrow(() -> new UserFacingException("indicator.unit.not-active", unitId));
        Ask ask = ask(unitId, period.from(), day);

        List<IndicatorQueries.Unit> communes = queries.communes(ask);
        Map<Long, Long> branches = queries.branches(ask);
        Map<Long, Members> members = queries.members(ask);
        List<Slot> months = months(period.from(), day, zone);
        Map<Long, Long> filled = queries.filledBranchMonths(ask, months);
        Map<Long, Records> records = queries.records(ask);
        Map<Long, Heads> heads = queries.heads(ask, properties.termStart());
        Map<Long, UnitReportView> declared = queries.declared(ask);
        Map<Long, Instant> submitted = period.isReportingPeriod()
                ? queries.submitted(ask, period.from(), period.to()) : Map.of();
        List<Slot> windows = windows(period.from(), day, zone);
        Map<Long, Map<Integer, Long>> knowledge = queries.knowledgeActivities(ask, properties.knowledgeTypes(),
                windows);
        List<Integer> years = windows.stream().map(Slot::key).distinct().toList();
        SurveyCoverage surveys = coverage.getIfAvailable();
        Map<Long, Long> circumstances = surveys == null ? Map.of()
                : surveys.coveredMembersByUnit(unitId, properties.communeLevel(), SurveyKind.CIRCUMSTANCES, day);
        Map<Long, Long> needs = surveys == null ? Map.of()
                : surveys.coveredMembersByUnit(unitId, properties.communeLevel(), SurveyKind.NEEDS, day);

        IndicatorProperties.Targets targets = properties.targets();
        boolean yearly = period.atLeastAYear();
        List<CommuneResult> results = new ArrayList<>();
        long[] totals = new long[16];
        for (IndicatorQueries.Unit c : communes) {
            Members m = members.getOrDefault(c.id(), Members.NONE);
            Records r = records.getOrDefault(c.id(), Records.NONE);
            Heads h = heads.getOrDefault(c.id(), Heads.NONE);
            long branchMonths = branches.getOrDefault(c.id(), 0L) * months.size();
            long filledMonths = filled.getOrDefault(c.id(), 0L);
            long covC5 = circumstances.getOrDefault(c.id(), 0L);
            long covC6 = needs.getOrDefault(c.id(), 0L);
            Map<String, Boolean> comp = new LinkedHashMap<>();
            comp.put("C1", m.pioneers() > 0);
            comp.put("C2", reaches(filledMonths, branchMonths, properties.monthlyActivityShare()));
            comp.put("C3", r.resource());
            comp.put("C4", reaches(m.known(), m.members(), properties.knownShare()));
            comp.put("C5", surveys != null && reaches(covC5, m.members(), properties.knownShare()));
            comp.put("C6", surveys != null && reaches(covC6, m.members(), properties.knownShare()));
            boolean evidence = !comp.containsValue(false);
            Optional<UnitReportView> report = Optional.ofNullable(declared.get(c.id()));
            boolean declaresThree = report.map(UnitReportView::runsThreeThree).orElse(false);
            boolean declaresOne = report.map(UnitReportView::runsOnePlusOne).orElse(false);
            Map<Integer, Long> perYear = knowledge.getOrDefault(c.id(), Map.of());
            long knowledgeCount = perYear.values().stream().mapToLong(Long::longValue).sum();
            boolean i5 = !years.isEmpty() && years.stream()
                    .allMatch(y -> perYear.getOrDefault(y, 0L) >= properties.i5MinActivities());

            List<IndicatorValue> values = new ArrayList<>();
            values.add(IndicatorValue.flag("I1", r.pairing(), targets.i1()));
            values.add(IndicatorValue.flag("I2", evidence, targets.i2()));
            values.add(IndicatorValue.flag("I2D", declaresThree, targets.i2()));
            values.add(IndicatorValue.flag("I3", r.model(), targets.i3()));
            values.add(IndicatorValue.share("I4", h.i4Numerator(), h.i4Denominator(), targets.i4()));
            values.add(IndicatorValue.against("I4P", h.partyMembers(), h.heads(), properties.baselinePartyShare()));
            values.add(yearly ? IndicatorValue.flag("I5", i5, targets.i5()) : IndicatorValue.count("I5", knowledgeCount));
            values.add(IndicatorValue.flag("I6", r.proposal(), targets.i6()));
            values.add(IndicatorValue.share("I7", h.allowance(), h.heads(), targets.i7()));
            values.add(IndicatorValue.share("E_MONTHLY", filledMonths, branchMonths, null));
            values.add(IndicatorValue.share("E_C4", m.known(), m.members(), properties.knownShare()));
            values.add(surveys == null ? IndicatorValue.share("E_C5", 0, 0, properties.knownShare())
                    : IndicatorValue.share("E_C5", covC5, m.members(), properties.knownShare()));
            values.add(surveys == null ? IndicatorValue.share("E_C6", 0, 0, properties.knownShare())
                    : IndicatorValue.share("E_C6", covC6, m.members(), properties.knownShare()));
            List<String> flags = new ArrayList<>();
            if (declaresOne && !r.pairing()) {
                flags.add("I1");
            }
            if (declaresThree && !evidence) {
                flags.add("I2");
            }
            boolean reported = period.isReportingPeriod() ? submitted.containsKey(c.id()) : report.isPresent();
            results.add(new CommuneResult(c.id(), c.code(), c.name(), reported, report, values, comp, flags));

            totals[0] += r.pairing() ? 1 : 0;
            totals[1] += evidence ? 1 : 0;
            totals[2] += declaresThree ? 1 : 0;
            totals[3] += r.model() ? 1 : 0;
            totals[4] += i5 ? 1 : 0;
            totals[5] += knowledgeCount;
            totals[6] += r.proposal() ? 1 : 0;
            totals[7] += filledMonths;
            totals[8] += branchMonths;
            totals[9] += m.known();
            totals[10] += m.members();
            totals[11] += covC5;
            totals[12] += covC6;
        }
        long n = communes.size();
        Heads all = heads.getOrDefault(null, Heads.NONE);
        Members outside = members.getOrDefault(null, Members.NONE);
        long newMembers = outside.newMembers() + members.entrySet().stream().filter(e -> e.getKey() != null)
                .mapToLong(e -> e.getValue().newMembers()).sum();
        long recruited = outside.recruited() + members.entrySet().stream().filter(e -> e.getKey() != null)
                .mapToLong(e -> e.getValue().recruited()).sum();
        long[] attendance = queries.attendance(ask);

        List<IndicatorValue> values = new ArrayList<>();
        values.add(IndicatorValue.share("I1", totals[0], n, targets.i1()));
        values.add(IndicatorValue.share("I2", totals[1], n, targets.i2()));
        values.add(IndicatorValue.share("I2D", totals[2], n, targets.i2()));
        values.add(IndicatorValue.share("I3", totals[3], n, targets.i3()));
        values.add(IndicatorValue.share("I4", all.i4Numerator(), all.i4Denominator(), targets.i4()));
        values.add(IndicatorValue.against("I4P", all.partyMembers(), all.heads(), properties.baselinePartyShare()));
        values.add(yearly ? IndicatorValue.share("I5", totals[4], n, targets.i5())
                : IndicatorValue.count("I5", totals[5]));
        values.add(IndicatorValue.share("I6", totals[6], n, targets.i6()));
        values.add(IndicatorValue.share("I7", all.allowance(), all.heads(), targets.i7()));
        values.add(IndicatorValue.share("E_MONTHLY", totals[7], totals[8], null));
        values.add(IndicatorValue.share("E_ATTENDANCE", attendance[0], attendance[1], null));
        values.add(IndicatorValue.count("E_RECRUITED", recruited));
        values.add(IndicatorValue.count("E_NEW", newMembers));
        values.add(IndicatorValue.share("E_C4", totals[9], totals[10], properties.knownShare()));
        values.add(IndicatorValue.share("E_C5", totals[11], surveys == null ? 0 : totals[10], properties.knownShare()));
        values.add(IndicatorValue.share("E_C6", totals[12], surveys == null ? 0 : totals[10], properties.knownShare()));
        values.addAll(reportingRates(period, submitted, n, zone));

        return new IndicatorReport(new IndicatorReport.Unit(root.id(), root.code(), root.name(), root.level()), period,
                day, values, results);
    }

    /**
     * The branches in the subtree of {@code unitId} on the period's last day that held no activity in the period
     * (the reading of C2: an activity of a group fills its branch; cancelled ones do not count).
     */
    public List<IdleBranch> idleBranches(long unitId, ReportPeriod period) {
        return queries.idleBranches(ask(unitId, period.from(), period.to()));
    }

    /** The question for the queries: the subtree of {@code unitId}, from {@code from} to {@code day}. */
    Ask ask(long unitId, LocalDate from, LocalDate day) {
        ZoneId zone = clock.getZone();
        return new Ask(unitId, from, day, start(from, zone), start(day.plusDays(1), zone),
                start(day.minusYears(1).plusDays(1), zone), properties.communeLevel(), properties.branchLevel());
    }

    /** R_RATE and R_ONTIME from the first submission per commune unit of a report for exactly the period. */
    private List<IndicatorValue> reportingRates(ReportPeriod period, Map<Long, Instant> submitted, long communes,
            ZoneId zone) {
        if (!period.isReportingPeriod()) {
            return List.of(new IndicatorValue("R_RATE", 0, 0L, null, null, null),
                    new IndicatorValue("R_ONTIME", 0, 0L, null, null, null));
        }
        Instant deadline = start(period.to().plusDays(properties.onTimeDays() + 1L), zone);
        long onTime = submitted.values().stream().filter(t -> t.isBefore(deadline)).count();
        return List.of(IndicatorValue.share("R_RATE", submitted.size(), communes, 1.0),
                IndicatorValue.share("R_ONTIME", onTime, communes, 1.0));
    }

    /** Shares reach a threshold only when there is something to count. */
    private static boolean reaches(long numerator, long denominator, double share) {
        return denominator > 0 && numerator + 1e-9 >= share * denominator;
    }

    /** Each calendar month overlapping [from, day], clipped to it. */
    static List<Slot> months(LocalDate from, LocalDate day, ZoneId zone) {
        List<Slot> out = new ArrayList<>();
        LocalDate month = from.withDayOfMonth(1);
        for (int i = 0; !month.isAfter(day); i++, month = month.plusMonths(1)) {
            LocalDate s = month.isBefore(from) ? from : month;
            LocalDate e = month.plusMonths(1).isAfter(day.plusDays(1)) ? day.plusDays(1) : month.plusMonths(1);
            out.add(new Slot(i, start(s, zone), start(e, zone)));
        }
        return out;
    }

    /** The I5 windows of each calendar year in [from, day], clipped to it; keyed by year. */
    List<Slot> windows(LocalDate from, LocalDate day, ZoneId zone) {
        List<Slot> out = new ArrayList<>();
        for (int year = from.getYear(); year <= day.getYear(); year++) {
            for (MonthDay[] w : properties.windows()) {
                LocalDate s = w[0].atYear(year);
                LocalDate e = w[1].atYear(year).plusDays(1);
                if (s.isBefore(from)) {
                    s = from;
                }
                if (e.isAfter(day.plusDays(1))) {
                    e = day.plusDays(1);
                }
                if (s.isBefore(e)) {
                    out.add(new Slot(year, start(s, zone), start(e, zone)));
                }
            }
        }
        return out;
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
