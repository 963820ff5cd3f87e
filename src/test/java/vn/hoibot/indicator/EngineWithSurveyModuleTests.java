package vn.hoibot.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.org.OrgService;
import vn.hoibot.org.Restructuring;

/**
 * The engine with the survey module's own coverage query (no fake): the dataset has no survey responses, so nobody is
 * covered and C5, C6 fail everywhere while the other figures stay as in {@link IndicatorEngineTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class EngineWithSurveyModuleTests {

    @Autowired
    IndicatorEngine engine;
    @Autowired
    ReportPeriods periods;
    @Autowired
    OrgService org;
    @Autowired
    Restructuring restructuring;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IndicatorRecords records;

    @Test
    void asksTheSurveyModuleForCoverage() {
        IndicatorDataset data = new IndicatorDataset("SV-", org, restructuring, jdbc, records, periods).build();
        IndicatorReport report = engine.compute(data.units.get("PROV"), periods.parse("6t-2026"));
        assertThat(report.indicator("E_C5").orElseThrow()).isEqualTo(IndicatorValue.share("E_C5", 0, 10, 0.8));
        assertThat(report.indicator("E_C6").orElseThrow()).isEqualTo(IndicatorValue.share("E_C6", 0, 10, 0.8));
        assertThat(report.indicator("I2").orElseThrow()).isEqualTo(IndicatorValue.share("I2", 0, 4, 1.0));
        assertThat(report.indicator("E_C4").orElseThrow()).isEqualTo(IndicatorValue.share("E_C4", 8, 10, 0.8));
        assertThat(report.communes()).allMatch(c -> !c.components().get("C5") && !c.components().get("C6"));
    }
}
