package vn.hoibot.member.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.member.RosterImporter;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitImporter;
import vn.hoibot.spreadsheet.ImportReports;

/**
 * Run from a directory without config/demo, {@code auto} loads the copy inside the jar, and only into the
 * embedded database; one log line says what was loaded from where (or why nothing was).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = { "spring.quartz.auto-startup=false",
        "hoibot.chat.inbox-workers-enabled=false" })
@ExtendWith(OutputCaptureExtension.class)
class DemoFallbackTests {

    @Autowired
    UnitImporter units;
    @Autowired
    RosterImporter roster;
    @Autowired
    ImportReports reports;
    @Autowired
    OrgService org;
    @Autowired
    Clock clock;
    @Autowired
    DataSource dataSource;

    @Test
    void autoLoadsTheJarsCopyIntoTheEmbeddedDatabaseOnlyAndSaysSoInOneLine(CapturedOutput output) {
        DemoDataLoader auto = new DemoDataLoader(new DemoProperties(DemoProperties.Load.AUTO,
                Path.of("no-such-dir/demo"), LocalDate.of(2023, 1, 1)), units, roster, reports, org, clock, dataSource);
        auto.run(null);
        if (TestDatabaseEnvironment.onPostgres()) {
            assertThat(org.findByCode("ND")).isEmpty();
            assertThat(output.getAll()).contains("Demo data not loaded: hoibot.demo.load=auto loads only into the embedded database");
        } else {
            assertThat(org.findByCode("ND")).isPresent();
            assertThat(output.getAll()).containsPattern(
                    "Demo data loaded from the jar \\(classpath:demo/\\): units \\d+ new, 0 updated; members \\d+ new");
        }
    }

    @Test
    void tellsTheEmbeddedDatabaseFromAServer() {
        assertThat(DemoDataLoader.isEmbedded("jdbc:h2:file:./data/hoibot;MODE=PostgreSQL")).isTrue();
        assertThat(DemoDataLoader.isEmbedded("jdbc:h2:mem:x")).isTrue();
        assertThat(DemoDataLoader.isEmbedded("jdbc:h2:tcp://db/hoibot")).isFalse();
        assertThat(DemoDataLoader.isEmbedded("jdbc:postgresql://127.0.0.1:5432/hoibot")).isFalse();
    }
}
