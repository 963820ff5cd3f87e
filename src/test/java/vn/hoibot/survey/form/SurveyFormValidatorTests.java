package vn.hoibot.survey.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoibot.survey.SurveyKind;

/** Every error case of the one validator, on YAML (file and line); the workbook cases are in SurveyXlsFormTests. */
class SurveyFormValidatorTests {

    private static final String SETTINGS = """
            settings:
              form_id: thu
              form_title::vi: Phiếu thử
            """;

    private static final String CHOICES = """
            choices:
              co_khong:
                - name: co
                  label::vi: Có
                - name: khong
                  label::vi: Không
            """;

    static DefinitionResult read(String yaml) {
        return SurveyForms.read("thu.yml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(String yaml) {
        DefinitionResult result = read(yaml);
        assertThat(result.valid()).as("expected errors").isFalse();
        return result.errors().stream().map(e -> e.where().row() + " " + e.key()).toList();
    }

    private static String survey(String rows) {
        return SETTINGS + "survey:\n" + rows.indent(2) + CHOICES;
    }

    @Test
    void loadsAValidDefinitionWithGroupsLabelsAndKinds() {
        DefinitionResult result = read("""
                settings:
                  form_id: thu
                  version: '3'
                  form_title: {vi: Phiếu thử, en: Test form}
                  kind: circumstances
                survey:
                  - type: begin group
                    name: nhom
                    label::Tiếng Việt (vi): Nhóm một
                    label::English (en): Group one
                  - type: select_one co_khong
                    name: a
                    label::vi: Câu A
                    required: yes
                  - type: integer
                    name: b
                    label::vi: Câu B
                    relevant: ${a} = 'co'
                    constraint: . > ${a}
                  - type: end group
                  - type: range
                    name: c
                    label::vi: Câu C
                    parameters: start=1 end=5 step=1
                """ + CHOICES);
        assertThat(result.errors()).isEmpty();
        SurveyForm form = result.form();
        assertThat(form.formId()).isEqualTo("thu");
        assertThat(form.version()).isEqualTo("3");
        assertThat(form.kind()).isEqualTo(SurveyKind.CIRCUMSTANCES);
        assertThat(form.sensitive()).isTrue();
        assertThat(form.title().in(java.util.Locale.ENGLISH)).isEqualTo("Test form");
        assertThat(form.questions()).extracting(Question::name).containsExactly("a", "b", "c");
        Question b = form.questions().get(1);
        assertThat(b.groups()).extracting(Group::name).containsExactly("nhom");
        assertThat(b.groups().get(0).label().in(java.util.Locale.ENGLISH)).isEqualTo("Group one");
        assertThat(b.relevant().references()).containsExactly("a");
        assertThat(b.where().row()).isEqualTo(15);
        assertThat(form.questions().get(2).groups()).isEmpty();
        assertThat(form.questions().get(2).range().values()).hasSize(5);
        assertThat(form.choicesOf(form.questions().get(0))).extracting(Choice::name).containsExactly("co", "khong");
        assertThat(form.questions().get(0).required()).isTrue();
    }

    @Test
    void takesTheVersionFromTheContentWhenSettingsGiveNone() {
        String yaml = survey("""
                - type: text
                  name: a
                  label::vi: Câu A
                """);
        assertThat(read(yaml).form().version()).startsWith("h").isEqualTo(read(yaml).form().version());
        assertThat(read(yaml.replace("Câu A", "Câu A?")).form().version()).isNotEqualTo(read(yaml).form().version());
    }

    @Test
    void rejectsAnUnknownType() {
        assertThat(errors(survey("""
                - type: text
                  name: a
                  label::vi: Câu A
                - type: geopoint
                  name: b
                  label::vi: Câu B
                - type: text extra
                  name: c
                  label::vi: Câu C
                - name: d
                  label::vi: Câu D
                """))).containsExactly("8 survey.form.error.unknown-type", "11 survey.form.error.unknown-type",
                "14 survey.form.error.missing-type");
    }

    @Test
    void rejectsDuplicateMissingAndInvalidNames() {
        assertThat(errors(survey("""
                - type: text
                  name: a
                  label::vi: Câu A
                - type: text
                  name: a
                  label::vi: Câu A lần hai
                - type: text
                  name: 1b
                  label::vi: Câu B
                - type: text
                  name: tuổi
                  label::vi: Tuổi
                - type: text
                  label::vi: Không tên
                """))).containsExactly("8 survey.form.error.duplicate-name", "11 survey.form.error.invalid-name",
                "14 survey.form.error.invalid-name", "17 survey.form.error.missing-name");
    }

    @Test
    void rejectsReferencesToUnknownAndLaterQuestions() {
        assertThat(errors(survey("""
                - type: integer
                  name: a
                  label::vi: Câu A
                  relevant: ${b} > 1
                - type: integer
                  name: b
                  label::vi: Câu B
                  constraint: . < ${khong_co}
                """))).containsExactly("5 survey.form.error.later-reference", "9 survey.form.error.unknown-reference");
    }

    @Test
    void rejectsACycleInRelevant() {
        assertThat(errors(survey("""
                - type: integer
                  name: a
                  label::vi: Câu A
                  relevant: ${a} > 1
                - type: begin_group
                  name: g
                  label::vi: Nhóm
                  relevant: ${b} = 1
                - type: integer
                  name: b
                  label::vi: Câu B
                - type: end_group
                """))).containsExactly("5 survey.form.error.relevant-cycle", "9 survey.form.error.relevant-cycle");
    }

    @Test
    void rejectsUnknownMissingAndEmptyChoiceLists() {
        assertThat(errors(SETTINGS + """
                survey:
                  - type: select_one khong_co
                    name: a
                    label::vi: Câu A
                  - type: select_multiple
                    name: b
                    label::vi: Câu B
                  - type: select_one trong
                    name: c
                    label::vi: Câu C
                choices:
                  trong: []
                """)).containsExactly("5 survey.form.error.unknown-list", "8 survey.form.error.missing-list",
                "11 survey.form.error.empty-list");
    }

    @Test
    void rejectsBadChoices() {
        assertThat(errors(SETTINGS + """
                survey:
                  - type: select_one ds
                    name: a
                    label::vi: Câu A
                choices:
                  - list_name: ds
                    name: x
                    label::vi: X
                  - list_name: ds
                    name: x
                    label::vi: X nữa
                  - list_name: ds
                    name: y z
                    label::vi: Y
                  - list_name: ds
                    label::vi: Không mã
                  - name: w
                    label::vi: W
                  - list_name: ds
                    name: v
                    label::en: V
                """)).containsExactly("12 survey.form.error.duplicate-choice", "15 survey.form.error.invalid-choice-name",
                "18 survey.form.error.missing-choice-name", "20 survey.form.error.missing-list-name",
                "22 survey.form.error.missing-choice-label");
    }

    @Test
    void rejectsABadExpressionNamingThePosition() {
        DefinitionResult result = read(survey("""
                - type: integer
                  name: a
                  label::vi: Câu A
                  constraint: . >= 1 and
                """));
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("survey.form.error.bad-expression");
            assertThat(e.where()).isEqualTo(new SourceLocation("thu.yml", null, 5));
            assertThat(e.args()[0]).isEqualTo("constraint");
            assertThat(e.args()[2]).isEqualTo(11);
        });
    }

    @Test
    void rejectsAQuestionWithoutAVietnameseLabel() {
        assertThat(errors(survey("""
                - type: text
                  name: a
                  label::English (en): Question A
                """))).containsExactly("5 survey.form.error.missing-label");
    }

    @Test
    void rejectsUnbalancedGroups() {
        assertThat(errors(survey("""
                - type: end_group
                - type: begin_group
                  name: g
                  label::vi: Nhóm
                - type: text
                  name: a
                  label::vi: Câu A
                """))).containsExactly("5 survey.form.error.unmatched-end-group", "6 survey.form.error.unclosed-group");
    }

    @Test
    void rejectsBadRangeParametersAndYesNoValues() {
        assertThat(errors(survey("""
                - type: range
                  name: a
                  label::vi: Câu A
                  parameters: start=1 end=5 step=0
                - type: range
                  name: b
                  label::vi: Câu B
                  parameters: from=1
                - type: text
                  name: c
                  label::vi: Câu C
                  required: có
                - type: select_one co_khong
                  name: d
                  label::vi: Câu D
                  default: chua
                """))).containsExactly("5 survey.form.error.bad-parameters", "9 survey.form.error.bad-parameters",
                "13 survey.form.error.bad-yes-no", "17 survey.form.error.bad-default");
    }

    @Test
    void rejectsBadSettings() {
        assertThat(errors("""
                settings:
                  form_title::en: Test
                  kind: household
                survey:
                  - type: text
                    name: a
                    label::vi: Câu A
                """)).containsExactly("2 survey.form.error.missing-form-id", "2 survey.form.error.missing-title",
                "2 survey.form.error.unknown-kind");
        assertThat(errors("""
                survey:
                  - type: text
                    name: a
                    label::vi: Câu A
                """)).containsExactly("0 survey.form.error.missing-form-id", "0 survey.form.error.missing-title");
    }

    @Test
    void rejectsAFormWithoutQuestions() {
        assertThat(errors(SETTINGS + "survey: []\n")).containsExactly("0 survey.form.error.no-questions");
    }

    @Test
    void rejectsMalformedYamlNamingTheLine() {
        assertThat(errors(SETTINGS + """
                survey:
                  - type: text
                    name: a
                   label::vi: lệch
                """)).containsExactly("7 survey.form.error.yaml-syntax");
        assertThat(errors(SETTINGS + """
                survey:
                  type: text
                questions: []
                """)).containsExactly("5 survey.form.error.yaml-structure", "6 survey.form.error.yaml-structure");
    }

    @Test
    void reportsEveryErrorOfAFileAtOnce() {
        assertThat(errors(survey("""
                - type: integer
                  name: a
                  label::vi: Câu A
                  constraint: . >
                - type: select_one khong_co
                  name: a
                  label::vi: Câu B
                """))).hasSize(2);
    }
}
