package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.survey.ResponseStore.Source;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.SurveyForm;

/** Runs and responses in the database: answers saved as given, changes until close, refusal after, versions kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
@Import(SurveyClock.Config.class)
class SurveyAnsweringTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SurveyClock clock;
    @Autowired
    SurveyCatalog catalog;
    @Autowired
    DefinitionStore definitions;
    @Autowired
    RunStore runs;
    @Autowired
    SurveyAnswering answering;

    long branch;
    long lan;
    long hoa;
    long run;

    @BeforeEach
    void run() {
        SurveyFixture f = new SurveyFixture(jdbc);
        long commune = f.unit("X", "commune", null);
        branch = f.unit("X1", "branch", commune);
        lan = f.member("Nguyễn Thị Lan", branch);
        hoa = f.member("Trần Thị Hoa", branch);
        SurveyForm needs = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        long definition = definitions.store(needs, catalog.raw("nhu_cau_hoi_vien"));
        Instant now = clock.instant();
        run = runs.create(definition, needs.kind(), branch, "chi hội", "u:" + branch, lan, null, now.minusSeconds(60),
                now.plus(Duration.ofDays(7)), List.of(new RunStore.Invitee(lan, branch)), now);
    }

    private String current() {
        return answering.position(runs.find(run).orElseThrow(), lan, null).current().map(Question::name).orElse(null);
    }

    @Test
    void savesEachAnswerAsGivenAndResumesAtTheFirstOpenQuestion() {
        answering.begin(run, lan, Source.SELF, null, false);
        assertThat(current()).isEqualTo("gioi_thieu");
        assertThat(answering.skip(run, lan, "gioi_thieu")).isTrue();
        assertThat(answering.chosen(run, lan, "can_ho_tro", List.of("vay_von")).accepted()).isTrue();
        assertThat(answering.typed(run, lan, "so_tien_vay", "900").accepted()).isFalse();
        assertThat(current()).isEqualTo("so_tien_vay");
        assertThat(answering.typed(run, lan, "so_tien_vay", " 30 ").value()).isEqualTo("30");
        assertThat(current()).isEqualTo("muc_dich_vay");
        assertThat(jdbc.sql("""
                select typed_text from survey_answer a join survey_response r on r.id = a.response_id
                 where r.run_id = :r and a.question = 'so_tien_vay'""").param("r", run).query(String.class).single())
                .isEqualTo("30");
        assertThatThrownBy(() -> answering.chosen(run, lan, "hoc_nghe", List.of("may")))
                .hasMessage("survey.answer.not-current");
        assertThat(answering.skip(run, lan, "muc_dich_vay")).isFalse();
        assertThat(answering.submit(run, lan)).isFalse();
    }

    @Test
    void refusesThoseNotInvitedAndAnswersAfterTheClose() {
        assertThatThrownBy(() -> answering.begin(run, hoa, Source.SELF, null, false))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("survey.run.not-invited"));
        answering.begin(run, lan, Source.SELF, null, false);
        answering.skip(run, lan, "gioi_thieu");
        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> answering.chosen(run, lan, "can_ho_tro", List.of("so_hoa")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("survey.run.closed"));
        assertThat(jdbc.sql("select count(*) from survey_answer a join survey_response r on r.id = a.response_id"
                + " where r.run_id = :r").param("r", run).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsTheDefinitionARunWasLaunchedWith() {
        SurveyForm needs = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        long first = definitions.store(needs, catalog.raw("nhu_cau_hoi_vien"));
        assertThat(definitions.store(needs, catalog.raw("nhu_cau_hoi_vien"))).isEqualTo(first);
        var raw = catalog.raw("nhu_cau_hoi_vien");
        var changedRows = new java.util.ArrayList<>(raw.survey());
        var cells = new java.util.LinkedHashMap<>(changedRows.get(0).cells());
        cells.put("label::vi", "Lời giới thiệu mới");
        changedRows.set(0, new vn.hoibot.survey.form.RawRow(changedRows.get(0).where(), cells));
        var changed = new vn.hoibot.survey.form.RawForm(raw.file(), changedRows, raw.choices(), raw.settings(),
                raw.declaredLists(), raw.readErrors(), "hchanged");
        SurveyForm shorter = vn.hoibot.survey.form.FormValidator.validate(changed).form();
        long second = definitions.store(shorter, changed);
        assertThat(second).isNotEqualTo(first);
        assertThat(definitions.form(first).questions()).hasSize(needs.questions().size());
        assertThat(definitions.form(second).questions().get(0).label().vi()).isEqualTo("Lời giới thiệu mới");
        assertThat(definitions.form(first).questions().get(0).label().vi()).startsWith("Chị trả lời giúp Hội");
    }
}
