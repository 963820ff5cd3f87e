package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;
import vn.hoibot.survey.SurveyCoverage;
import vn.hoibot.survey.SurveyKind;

/**
 * Every indicator against the hand-built province of {@link IndicatorDataset}; the expected figures are worked out
 * by hand from docs/indicators.md (comments say why). Runs on H2 and, with HOIBOT_TEST_DB=postgres, PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
@Import(IndicatorEngineTests.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class IndicatorEngineTests {

    static final Instant TODAY = Instant.parse("2026-12-01T03:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(TODAY, IndicatorDataset.VN);
        }

        @Bean
        @Primary
        FakeCoverage fakeCoverage() {
            return new FakeCoverage();
        }
    }

    /** SQL-free stand-in for the survey module's coverage query: answers what the dataset says. */
    public static class FakeCoverage implements SurveyCoverage {
        public volatile IndicatorDataset dataset;
        /** For each call: whether it ran inside a read-write transaction (the chat's, for a bot command). */
        public final List<Boolean> insideReadWrite = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Map<Long, Long> coveredMembersByUnit(long rootUnitId, String level, SurveyKind kind, LocalDate asOf) {
            insideReadWrite.add(TransactionSynchronizationManager.isActualTransactionActive()
                    && !TransactionSynchronizationManager.isCurrentTransactionReadOnly());
            return dataset == null ? Map.of() : dataset.coverage(kind);
        }

        @Override
        public long coveredMembers(long unitId, SurveyKind kind, LocalDate asOf) {
            return coveredMembersByUnit(unitId, "commune", kind, asOf).values().stream().mapToLong(Long::longValue)
                    .sum();
        }
    }

    @Autowired
    IndicatorEngine engine;
    @Autowired
    ReportPeriods periods;
    @Autowired
    FakeCoverage coverage;
    @Autowired
    OrgService org;
    @Autowired
    Restructuring restructuring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorRecords records;
    @Autowired
    vn.hoibot.chat.Messages messages;

    IndicatorDataset data;
    IndicatorReport half;

    @BeforeAll
    void buildTheProvince() {
        data = new IndicatorDataset(org, restructuring, jdbc, records, periods).build();
        coverage.dataset = data;
        half = engine.compute(data.units.get("PROV"), periods.parse("6t-2026"));
    }

    @Test
    void countsTheCommuneUnitsOfTheTreeOnTheLastDay() {
        assertThat(half.asOf()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(half.communes()).extracting(CommuneResult::code).containsExactly("XA_A", "XA_C", "XA_D", "XA_E");
    }

    @Test
    void computesEveryProvinceFigure() {
        assertShare("I1", 2, 4, false); // XA_A through the merged XA_B's pairing, XA_D through the moved branch C2
        assertShare("I2", 1, 4, false); // only XA_A meets all six components
        assertShare("I2D", 2, 4, false); // XA_A, XA_C declare yes; XA_D never reported
        assertShare("I3", 2, 4, false); // XA_A (open model on A2), XA_E (March-May)
        assertShare("I4", 2, 4, true); // a1m1 trained, c2m1 admitted in term; b1m1 trained before the term
        assertShare("I4P", 2, 5, null); // a2m1, c2m1; b1m1 was admitted after the period
        assertCount("I5", 2); // K1 and K2 in the 8/3 window with partners
        assertShare("I6", 2, 4, false);
        assertShare("I7", 2, 5, false); // a1m1, b1m1 (on the last day); a2m1 ended the day before; c2m1 corrected
        assertShare("E_MONTHLY", 34, 36, null); // XA_A 17/18, XA_C 5/6, XA_D 12/12
        assertShare("E_ATTENDANCE", 7, 9, null);
        assertCount("E_RECRUITED", 1);
        assertCount("E_NEW", 1);
        assertShare("E_C4", 8, 10, true); // a1left counts: she left after the period
        assertShare("E_C5", 7, 10, false);
        assertShare("E_C6", 8, 10, true);
        assertShare("R_RATE", 2, 4, false);
        assertShare("R_ONTIME", 1, 4, false); // XA_C submitted on 1/8, after the 15 days
        assertThat(half.indicator("I4P").orElseThrow().target()).isEqualTo(0.232);
        assertThat(half.indicator("I4").orElseThrow().value()).isEqualTo(0.5);
    }

    @Test
    void listsTheBranchesWithoutAHeldActivityInAMonth() {
        // June 2026: B1's activity was cancelled, C1 held none (its July activity is after the month)
        assertThat(engine.idleBranches(data.units.get("PROV"), periods.parse("6-2026")))
                .extracting(IdleBranch::code).containsExactly("B1", "C1");
        assertThat(engine.idleBranches(data.units.get("PROV"), periods.parse("6-2026")))
                .extracting(IdleBranch::communeId).containsExactly(data.units.get("XA_A"), data.units.get("XA_C"));
        // March 2026: A1's month is filled by its group's activity
        assertThat(engine.idleBranches(data.units.get("XA_A"), periods.parse("3-2026"))).isEmpty();
    }

    @Test
    void computesTheComponentsOfEveryCommuneUnit() {
        assertThat(commune("XA_A").components()).containsExactlyInAnyOrderEntriesOf(components(1, 1, 1, 1, 1, 1));
        assertThat(commune("XA_C").components()).containsExactlyInAnyOrderEntriesOf(components(1, 0, 0, 0, 1, 0));
        assertThat(commune("XA_D").components()).containsExactlyInAnyOrderEntriesOf(components(0, 1, 1, 0, 0, 1));
        assertThat(commune("XA_E").components()).containsExactlyInAnyOrderEntriesOf(components(0, 0, 0, 0, 0, 0));
        assertUnit("XA_A", "E_MONTHLY", 17, 18);
        assertUnit("XA_C", "E_MONTHLY", 5, 6); // June empty: its activity starts 00:30 on 1/7 in Vietnam
        assertUnit("XA_D", "E_MONTHLY", 12, 12); // C2's months before the move count where C2 is on the last day
        assertUnit("XA_A", "E_C4", 5, 5); // b1m1 was seen at XA_C's activity; a2gone left before
        assertUnit("XA_C", "E_C4", 1, 2); // c1m1's mark was corrected to absent
        assertUnit("XA_D", "E_C4", 2, 3); // d1m1 was last seen one day before the 12 months
        assertUnit("XA_A", "I4", 1, 2);
        assertUnit("XA_D", "I4", 1, 1);
        assertUnit("XA_A", "I7", 2, 3);
        assertUnit("XA_A", "I1", 1, 1);
        assertUnit("XA_C", "I1", 0, 1);
        assertThat(commune("XA_A").indicator("I5").orElseThrow().numerator()).isEqualTo(2);
    }

    @Test
    void givesNoValueForAZeroDenominator() {
        for (String id : List.of("I4", "I4P", "I7", "E_MONTHLY", "E_C4", "E_C5", "E_C6")) {
            IndicatorValue v = commune("XA_E").indicator(id).orElseThrow();
            assertThat(v.denominator()).as(id).isZero();
            assertThat(v.value()).as(id).isNull();
            assertThat(v.met()).as(id).isNull();
            assertThat(v.applicable()).as(id).isFalse();
        }
        IndicatorReport branch = engine.compute(data.units.get("A1"), periods.parse("6t-2026"));
        assertThat(branch.communes()).isEmpty();
        assertThat(branch.indicator("I1").orElseThrow().applicable()).isFalse();
        assertThat(branch.indicator("I7").orElseThrow()).isEqualTo(IndicatorValue.share("I7", 1, 1, 1.0));
        IndicatorReport month = engine.compute(data.units.get("PROV"), periods.parse("3-2026"));
        assertThat(month.indicator("R_RATE").orElseThrow().applicable()).isFalse();
    }

    @Test
    void showsDeclaredBesideEvidenceAndFlagsDisagreement() {
        assertThat(commune("XA_A").declared().orElseThrow().runsOnePlusOne()).isFalse(); // the later submission
        assertThat(commune("XA_A").flags()).isEmpty();
        assertThat(commune("XA_C").flags()).containsExactly("I1", "I2");
        assertThat(commune("XA_D").reported()).isFalse();
        // its last report is for the half-year before: declared, but not reported for 6t-2026 (as R_RATE counts)
        assertThat(commune("XA_E").declared().orElseThrow().periodTo()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(commune("XA_E").reported()).isFalse();
        assertThat(half.notReported()).extracting(CommuneResult::code).containsExactly("XA_D", "XA_E");
        assertThat(half.communes().stream().filter(CommuneResult::reported).count())
                .isEqualTo(half.indicator("R_RATE").orElseThrow().numerator());
        // for a period that is not a half-year or year: reported means having a declared report
        IndicatorReport quarter = engine.compute(data.units.get("PROV"), periods.parse("q2-2026"));
        assertThat(quarter.notReported()).extracting(CommuneResult::code).containsExactly("XA_D");
    }

    @Test
    void judgesKnowledgeActivitiesPerYearForAYear() {
        IndicatorReport year = engine.compute(data.units.get("PROV"), periods.parse("nam-2026"));
        assertThat(year.asOf()).isEqualTo(LocalDate.of(2026, 12, 1)); // not over: up to today
        assertThat(year.indicator("I5").orElseThrow()).isEqualTo(IndicatorValue.share("I5", 1, 4, 1.0));
    }

    @Test
    void usesTheTreeAsItStoodForAnEarlierPeriod() {
        IndicatorReport before = engine.compute(data.units.get("PROV"), periods.parse("6t2-2025"));
        assertThat(before.communes()).extracting(CommuneResult::code)
                .containsExactly("XA_A", "XA_B", "XA_C", "XA_D", "XA_E");
        // C1 and C2 were both under XA_C: C1 in December (23:30 on 31/12), C2 in July (00:30 on 1/7)
        assertThat(before.communes().get(2).indicator("E_MONTHLY").orElseThrow())
                .isEqualTo(IndicatorValue.share("E_MONTHLY", 2, 12, null));
    }

    @Test
    void refusesAPeriodInTheFutureAndAUnitThatNoLongerExists() {
        assertThatThrownBy(() -> engine.compute(data.units.get("PROV"), periods.parse("6t-2027")))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).key())
                .isEqualTo("indicator.period.future");
        assertThatThrownBy(() -> engine.compute(data.units.get("XA_B"), periods.parse("6t-2026")))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).key())
                .isEqualTo("indicator.unit.not-active");
    }

    @Test
    void writesTheReportAsJsonForScripts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var printed = new java.io.ByteArrayOutputStream();
        int[] exit = { -1 };
        ReportJsonCommand command = new ReportJsonCommand(engine, periods, org, messages,
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8), code -> exit[0] = code);
        java.nio.file.Path file = dir.resolve("report.json");
        command.run(new org.springframework.boot.DefaultApplicationArguments("--report-json=" + file, "--unit=PROV",
                "--period=6t-2026"));
        assertThat(exit[0]).isZero();
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(file.toFile());
        assertThat(json.get("unit").asString()).isEqualTo("PROV");
        assertThat(json.get("period").get("from").asString()).isEqualTo("2026-01-01");
        assertThat(json.get("period").get("to").asString()).isEqualTo("2026-06-30");
        var i2 = json.get("indicators").get(1);
        assertThat(i2.get("id").asString()).isEqualTo("I2");
        assertThat(i2.get("numerator").asLong()).isEqualTo(1);
        assertThat(i2.get("denominator").asLong()).isEqualTo(4);
        assertThat(i2.get("value").asDouble()).isEqualTo(0.25);
        assertThat(i2.get("met").asBoolean()).isFalse();
        assertThat(json.get("units")).hasSize(4);
        var xaE = json.get("units").get(3);
        assertThat(xaE.get("code").asString()).isEqualTo("XA_E");
        assertThat(xaE.get("name").asString()).isEqualTo("Xã Hải Vân");
        assertThat(xaE.get("reported").asBoolean()).isFalse(); // its report is for 6t2-2025
        assertThat(xaE.get("components").get("C1").asBoolean()).isFalse();
        var i7 = xaE.get("indicators").get(8);
        assertThat(i7.get("id").asString()).isEqualTo("I7");
        assertThat(i7.get("value").isNull()).isTrue(); // không áp dụng
        assertThat(i7.get("met").isNull()).isTrue();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("4 cơ sở Hội");

        command.run(new org.springframework.boot.DefaultApplicationArguments("--report-json=" + file, "--unit=NOPE",
                "--period=6t-2026"));
        assertThat(exit[0]).isEqualTo(1);
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Không có đơn vị mã \"NOPE\"");
    }

    @Test
    void refusesRecordsWithDatesOutOfOrderAndReportsForOtherPeriods() {
        long xaE = data.units.get("XA_E");
        assertThatThrownBy(() -> records.resource(xaE, ResourceKind.FUND, LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1), null)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).key()).isEqualTo("indicator.record.dates-out-of-order");
        assertThatThrownBy(() -> records.submitReport(xaE, periods.parse("q1-2026"), true, true, null, null))
                .isInstanceOf(UserFacingException.class).extracting(e -> ((UserFacingException) e).key())
                .isEqualTo("indicator.report.not-a-reporting-period");
        assertThat(records.reportFor(data.units.get("XA_A"), periods.parse("6t-2026")).orElseThrow().runsOnePlusOne())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from ind_resource where unit_id = ?").param(xaE).query(Long.class)
                .single()).isZero();
    }

    private CommuneResult commune(String code) {
        return half.communes().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private void assertShare(String id, long numerator, long denominator, Boolean met) {
        IndicatorValue v = half.indicator(id).orElseThrow();
        assertThat(v.numerator()).as(id + " numerator").isEqualTo(numerator);
        assertThat(v.denominator()).as(id + " denominator").isEqualTo(denominator);
        assertThat(v.value()).as(id + " value").isEqualTo((double) numerator / denominator);
        assertThat(v.met()).as(id + " met").isEqualTo(met);
    }

    private void assertCount(String id, long count) {
        assertThat(half.indicator(id).orElseThrow()).isEqualTo(IndicatorValue.count(id, count));
    }

    private void assertUnit(String code, String id, long numerator, long denominator) {
        IndicatorValue v = commune(code).indicator(id).orElseThrow();
        assertThat(v.numerator()).as(code + " " + id).isEqualTo(numerator);
        assertThat(v.denominator()).as(code + " " + id).isEqualTo(denominator);
    }

    private static Map<String, Boolean> components(int... flags) {
        Map<String, Boolean> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < flags.length; i++) {
            out.put("C" + (i + 1), flags[i] == 1);
        }
        return out;
    }
}
