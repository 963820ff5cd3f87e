package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hoibot.survey.form.DefinitionError;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;

class SurveyCatalogTests {

    static SurveyProperties properties(String dir) {
        return new SurveyProperties(dir, 2_000_000, 2000, 64L * 1024 * 1024, 4000, List.of(Duration.ofDays(3), Duration.ofDays(1)), 2,
                LocalTime.of(21, 0), LocalTime.of(7, 0), 5);
    }

    @Test
    void loadsTheThreeShippedSurveys() {
        SurveyCatalog catalog = new SurveyCatalog(properties("config/surveys"));

        assertThat(catalog.rejected()).isEmpty();
        assertThat(catalog.forms()).extracting(SurveyForm::formId, SurveyForm::kind, SurveyForm::sensitive)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("nhu_cau_hoi_vien", SurveyKind.NEEDS, false),
                        org.assertj.core.groups.Tuple.tuple("hoan_canh_hoi_vien", SurveyKind.CIRCUMSTANCES, true),
                        org.assertj.core.groups.Tuple.tuple("gop_y_sinh_hoat", SurveyKind.FEEDBACK, false));
        SurveyForm needs = catalog.form("nhu_cau_hoi_vien").orElseThrow();
        assertThat(needs.answerableCount()).isEqualTo(13);
        assertThat(needs.questions()).extracting(Question::type).contains(QuestionType.SELECT_ONE,
                QuestionType.SELECT_MULTIPLE, QuestionType.TEXT, QuestionType.INTEGER, QuestionType.RANGE,
                QuestionType.DATE, QuestionType.NOTE);
        assertThat(catalog.form("hoan_canh_hoi_vien").orElseThrow().questions()).extracting(Question::type)
                .contains(QuestionType.DECIMAL);
        for (SurveyForm form : catalog.forms()) {
            for (Question q : form.questions()) {
                assertThat(q.label().has("vi") && q.label().has("en")).as(form.formId() + " " + q.name()).isTrue();
            }
        }
    }

    @Test
    void leavesOutAnInvalidDefinitionAndLoadsTheOthers(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-tot.yml"), """
                settings: {form_id: tot, form_title::vi: Phiếu tốt}
                survey:
                  - {type: text, name: a, label::vi: Câu A}
                """);
        Files.writeString(dir.resolve("b-hong.yml"), """
                settings: {form_id: hong, form_title::vi: Phiếu hỏng}
                survey:
                  - {type: text, name: a}
                """);
        Files.writeString(dir.resolve("c-trung.yml"), """
                settings: {form_id: tot, form_title::vi: Phiếu trùng mã}
                survey:
                  - {type: text, name: a, label::vi: Câu A}
                """);
        Files.writeString(dir.resolve("ghi-chu.txt"), "không phải phiếu");

        SurveyCatalog catalog = new SurveyCatalog(properties(dir.toString()));

        assertThat(catalog.forms()).extracting(SurveyForm::formId).containsExactly("tot");
        assertThat(catalog.rejected()).flatExtracting(r -> r.errors()).extracting(DefinitionError::key)
                .containsExactly("survey.form.error.missing-label", "survey.form.error.duplicate-form-id");
    }
}
