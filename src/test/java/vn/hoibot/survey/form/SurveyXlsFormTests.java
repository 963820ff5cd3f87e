package vn.hoibot.survey.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.hoibot.chat.Messages;

/** XLSForm workbooks: the feedback survey as KoBo would write it loads to the same form as its YAML. */
class SurveyXlsFormTests {

    /** The rows of a YAML definition as one XLSForm sheet, with KoBo's language column names. */
    private static List<List<String>> sheet(List<RawRow> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.cells().keySet()));
        List<List<String>> out = new ArrayList<>();
        out.add(columns.stream().map(c -> c.replace("::vi", "::Tiếng Việt (vi)").replace("::en", "::English (en)"))
                .toList());
        rows.forEach(r -> out.add(columns.stream().map(r::get).toList()));
        return out;
    }

    @Test
    void readsTheFeedbackSurveyAsAWorkbookToTheSameForm() throws IOException {
        String file = "gop-y-sinh-hoat.yml";
        byte[] yaml = Files.readAllBytes(Path.of("config/surveys", file));
        SurveyForm fromYaml = SurveyForms.read(file, yaml).form();
        RawForm raw = YamlFormReader.read(file, yaml);
        byte[] xlsx = TestWorkbooks.workbook(Map.of("survey", sheet(raw.survey()), "choices", sheet(raw.choices()),
                "settings", sheet(List.of(raw.settings()))));

        DefinitionResult result = SurveyForms.read("gop-y-sinh-hoat.xlsx", xlsx);

        assertThat(result.errors()).isEmpty();
        SurveyForm fromXlsx = result.form();
        assertThat(fromXlsx.formId()).isEqualTo(fromYaml.formId());
        assertThat(fromXlsx.version()).isEqualTo(fromYaml.version());
        assertThat(fromXlsx.title()).isEqualTo(fromYaml.title());
        assertThat(fromXlsx.kind()).isEqualTo(fromYaml.kind());
        assertThat(fromXlsx.choices().keySet()).isEqualTo(fromYaml.choices().keySet());
        for (int i = 0; i < fromYaml.questions().size(); i++) {
            Question y = fromYaml.questions().get(i);
            Question x = fromXlsx.questions().get(i);
            assertThat(List.of(x.name(), x.type(), String.valueOf(x.listName()), x.label(), x.required(),
                    String.valueOf(x.constraint()), x.constraintMessage(), String.valueOf(x.range())))
                    .isEqualTo(List.of(y.name(), y.type(), String.valueOf(y.listName()), y.label(), y.required(),
                            String.valueOf(y.constraint()), y.constraintMessage(), String.valueOf(y.range())));
            assertThat(x.where()).isEqualTo(new SourceLocation("gop-y-sinh-hoat.xlsx", "survey", i + 2));
        }
        fromYaml.choices().forEach((list, choices) -> assertThat(fromXlsx.choices().get(list))
                .extracting(Choice::name, Choice::label)
                .isEqualTo(choices.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.name(), c.label())).toList()));
    }

    @Test
    void namesTheSheetAndRowOfEachError() throws IOException {
        byte[] xlsx = TestWorkbooks.workbook(Map.of(
                "survey", List.of(
                        List.of("type", "name", "label::Tiếng Việt (vi)", "relevant"),
                        List.of("select_one co_khong", "a", "Câu A", ""),
                        List.of("", "", "", ""),
                        List.of("geopoint", "b", "Câu B", ""),
                        List.of("integer", "c", "Câu C", "${a} = 'co' and")),
                "choices", List.of(
                        List.of("list_name", "name", "label::vi"),
                        List.of("co_khong", "co", "Có"),
                        List.of("co_khong", "khong", "")),
                "settings", List.of(List.of("form_id", "form_title"), List.of("thu", "Phiếu thử"))));

        DefinitionResult result = SurveyForms.read("thu.xlsx", xlsx);

        assertThat(result.errors()).extracting(e -> e.where().sheet() + " " + e.where().row() + " " + e.key())
                .containsExactly("choices 3 survey.form.error.missing-choice-label",
                        "survey 4 survey.form.error.unknown-type", "survey 5 survey.form.error.bad-expression");
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        Messages messages = new Messages(source);
        assertThat(DefinitionErrors.describe(messages, Messages.VIETNAMESE, result.errors().get(1)))
                .isEqualTo("thu.xlsx, trang survey, dòng 4: loại câu hỏi \"geopoint\" không có");
        assertThat(DefinitionErrors.describe(messages, Locale.ENGLISH, result.errors().get(2)))
                .isEqualTo("thu.xlsx, sheet survey, row 5: the expression in column relevant \"${a} = 'co' and\" "
                        + "is wrong at character 16: the expression stops in the middle");
    }

    @Test
    void rejectsAWorkbookWithoutASurveySheet() throws IOException {
        byte[] xlsx = TestWorkbooks.workbook(Map.of("Sheet1", List.of(List.of("type", "name"), List.of("text", "a"))));
        assertThat(SurveyForms.read("thu.xlsx", xlsx).errors()).extracting(DefinitionError::key)
                .contains("survey.form.error.missing-sheet");
    }

    @Test
    void rejectsFilesThatAreNotWorkbooksAndSheetsThatAreTooLong() throws IOException {
        assertThat(SurveyForms.read("thu.xlsx", "not a workbook".getBytes()).errors()).extracting(DefinitionError::key)
                .containsExactly("spreadsheet.unreadable");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("type", "name", "label::vi"));
        for (int i = 0; i < SurveyForms.LIMITS.maxRows() + 5; i++) {
            rows.add(List.of("text", "q" + i, "Câu " + i));
        }
        assertThat(SurveyForms.read("thu.xlsx", TestWorkbooks.workbook(Map.of("survey", rows))).errors())
                .extracting(DefinitionError::key).containsExactly("spreadsheet.too-many-rows");
        assertThat(SurveyForms.read("thu.pdf", new byte[0]).errors()).extracting(DefinitionError::key)
                .containsExactly("survey.form.error.unsupported-file");
    }

    @Test
    void rejectsAZipBombWithoutUnpackingIt() throws IOException {
        byte[] bomb = TestWorkbooks.zipBomb(TestWorkbooks.valid(), 80L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        DefinitionResult result = SurveyForms.read("bom.xlsx", bomb);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(DefinitionError::key).containsExactly("spreadsheet.too-large");
    }
}
