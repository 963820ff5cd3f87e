package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.survey.ResponseStore.Source;
import vn.hoibot.survey.SurveyResults.QuestionFigures;
import vn.hoibot.survey.form.SurveyForm;

/** Aggregates over 30 invitees (24 finished, 3 in progress, 3 not started) against figures counted by hand. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class SurveyResultsTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyCatalog catalog;
    @Autowired
    DefinitionStore definitions;
    @Autowired
    RunStore runs;
    @Autowired
    ResponseStore responses;
    @Autowired
    SurveyResults results;

    long commune;
    long b1;
    long b2;
    long run;
    SurveyForm needs;
    final LocalDate today = vn.hoibot.time.ServiceZone.today(java.time.Clock.systemUTC());

    @BeforeEach
    void fixture() {
        SurveyFixture f = new SurveyFixture(jdbc);
        commune = f.unit("X", "commune", null);
        b1 = f.unit("B1", "branch", commune);
        b2 = f.unit("B2", "branch", commune);
        List<RunStore.Invitee> invitees = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long unit = i < 16 || (i >= 24 && i < 26) || (i >= 27 && i < 29) ? b1 : b2;
            long m = f.member("Hội viên " + i, unit);
            members.add(m);
            invitees.add(new RunStore.Invitee(m, unit));
        }
        needs = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        long definition = definitions.store(needs, catalog.raw("nhu_cau_hoi_vien"));
        Instant now = Instant.now();
        run = runs.create(definition, needs.kind(), commune, "xã", "u:" + commune, members.get(0), null,
                now.minusSeconds(60), now.plus(Duration.ofDays(7)), invitees, now);
        String[] phone = { "thanh_thao", "biet_it", "chua_dung" };
        for (int i = 0; i < 24; i++) {
            long r = responses.start(run, members.get(i), Source.SELF, null, null, now).id();
            responses.answer(r, "dung_dien_thoai", phone[i % 3], null, now);
            responses.answer(r, "can_ho_tro", i % 2 == 0 ? "viec_lam vay_von" : "suc_khoe", null, now);
            responses.answer(r, "so_buoi", Integer.toString(i % 5), null, now);
            responses.answer(r, "can_them", "", null, now);
            responses.finish(r, now);
        }
        for (int i = 24; i < 27; i++) { // in progress: members 24, 25 in B1, 26 in B2
            long r = responses.start(run, members.get(i), Source.SELF, null, null, now).id();
            responses.answer(r, "dung_dien_thoai", "chua_dung", null, now);
        }
    }

    private QuestionFigures figures(long unit, String question) {
        return results.figures(run, needs, unit, today).stream().filter(q -> q.question().name().equals(question))
                .findFirst().orElseThrow();
    }

    @Test
    void countsProgressPerUnit() {
        assertThat(results.progressByChild(run, b2, today).get(b2).notStarted()).isEqualTo(1);
        assertThat(results.progressByChild(run, commune, today)).isEqualTo(Map.of(
                commune, new SurveyResults.Progress(30, 24, 3), b1, new SurveyResults.Progress(20, 16, 2),
                b2, new SurveyResults.Progress(10, 8, 1)));
    }

    @Test
    void countsChoicesAndNumbersOfFinishedResponses() {
        QuestionFigures phone = figures(commune, "dung_dien_thoai");
        assertThat(phone.answered()).isEqualTo(24);
        assertThat(phone.choices()).isEqualTo(Map.of("thanh_thao", 8L, "biet_it", 8L, "chua_dung", 8L));
        assertThat(figures(b2, "dung_dien_thoai").choices())
                .isEqualTo(Map.of("thanh_thao", 2L, "biet_it", 3L, "chua_dung", 3L));
        QuestionFigures help = figures(commune, "can_ho_tro");
        assertThat(help.answered()).isEqualTo(24);
        assertThat(help.choices()).containsEntry("viec_lam", 12L).containsEntry("vay_von", 12L)
                .containsEntry("suc_khoe", 12L).containsEntry("so_hoa", 0L);
        QuestionFigures sessions = figures(commune, "so_buoi");
        assertThat(sessions.numbers()).hasSize(24);
        BigDecimal sum = sessions.numbers().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("46");
        assertThat(SurveyResults.median(sessions.numbers())).isEqualByComparingTo("2");
        assertThat(sessions.numbers().get(0)).isEqualByComparingTo("0");
        assertThat(sessions.numbers().get(23)).isEqualByComparingTo("4");
        assertThat(figures(commune, "can_them").answered()).isZero();
    }
}
