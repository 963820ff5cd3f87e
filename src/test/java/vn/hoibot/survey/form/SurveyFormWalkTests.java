package vn.hoibot.survey.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Skip logic, progress and typed answers on the shipped needs survey. */
class SurveyFormWalkTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static SurveyForm needs;
    private static FormWalk walk;
    private static AnswerCheck check;

    @BeforeAll
    static void load() throws Exception {
        needs = SurveyForms.read("n.yml", Files.readAllBytes(Path.of("config/surveys/nhu-cau-hoi-vien.yml"))).form();
        walk = new FormWalk(needs, TODAY);
        AnswerCheck.DateReader dmy = (text, today) -> {
            try {
                return Optional.of(LocalDate.parse(text, DateTimeFormatter.ofPattern("d/M/yyyy")));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
        check = new AnswerCheck(walk, 4000, dmy, TODAY);
    }

    private static List<String> asked(Answers answers) {
        return walk.asked(answers).stream().map(Question::name).toList();
    }

    @Test
    void asksOnlyWhatTheAnswersSoFarCallFor() {
        assertThat(asked(Answers.NONE)).containsExactly("gioi_thieu", "can_ho_tro", "dung_dien_thoai", "can_them",
                "hinh_thuc", "ngay_hop", "gio_hop", "so_buoi", "giup_chi_em");
        Answers loan = Answers.NONE.with("can_ho_tro", "vay_von suc_khoe");
        assertThat(asked(loan)).containsSequence("can_ho_tro", "so_tien_vay", "muc_dich_vay", "suc_khoe",
                "dung_dien_thoai");
        assertThat(walk.next(loan, "can_ho_tro")).map(Question::name).contains("so_tien_vay");
        assertThat(walk.next(loan, "suc_khoe")).map(Question::name).contains("dung_dien_thoai");
        assertThat(walk.previous(loan, "dung_dien_thoai")).map(Question::name).contains("suc_khoe");
        assertThat(walk.progress(loan, "so_tien_vay")).containsExactly(2, 11);
        assertThat(walk.progress(Answers.NONE, "giup_chi_em")).containsExactly(8, 8);
        assertThat(walk.next(loan, "giup_chi_em")).isEmpty();
    }

    @Test
    void dropsAnswersOfQuestionsNoLongerAsked() {
        Answers changed = Answers.NONE.with("can_ho_tro", "vay_von").with("so_tien_vay", "20")
                .with("can_ho_tro", "so_hoa");
        assertThat(walk.effective(changed).values()).containsOnlyKeys("can_ho_tro");
        assertThat(walk.firstOpen(changed)).map(Question::name).contains("gioi_thieu");
        assertThat(walk.firstOpen(changed.with("gioi_thieu", ""))).map(Question::name).contains("dung_dien_thoai");
    }

    @Test
    void readsTypedAnswersByTypeAndAppliesConstraints() {
        Question amount = needs.question("so_tien_vay").orElseThrow();
        assertThat(check.typed(amount, " 20 ", Answers.NONE).value()).isEqualTo("20");
        assertThat(check.typed(amount, "hai mươi", Answers.NONE).key()).isEqualTo("survey.answer.bad-integer");
        assertThat(check.typed(amount, "900", Answers.NONE).message().vi())
                .isEqualTo("Chị ghi số triệu đồng, từ 1 đến 500.");
        assertThat(check.typed(amount, "", Answers.NONE).key()).isEqualTo("survey.answer.empty");
        Question day = needs.question("ngay_hoc").orElseThrow();
        assertThat(check.typed(day, "15/3/2027", Answers.NONE).value()).isEqualTo("2027-03-15");
        assertThat(check.typed(day, "mai", Answers.NONE).key()).isEqualTo("survey.answer.bad-date");
        assertThat(check.typed(day, "1/1/2026", Answers.NONE).accepted()).isFalse();
        Question sessions = needs.question("so_buoi").orElseThrow();
        assertThat(check.typed(sessions, "3", Answers.NONE).value()).isEqualTo("3");
        assertThat(check.typed(sessions, "7", Answers.NONE).key()).isEqualTo("survey.answer.out-of-range");
        Question more = needs.question("can_them").orElseThrow();
        assertThat(check.typed(more, "x".repeat(4001), Answers.NONE).key()).isEqualTo("survey.answer.too-long");
        assertThat(check.typed(more, "x".repeat(4000), Answers.NONE).accepted()).isTrue();
        Question help = needs.question("can_ho_tro").orElseThrow();
        assertThat(check.typed(help, "vay vốn", Answers.NONE).key()).isEqualTo("survey.answer.use-buttons");
        assertThat(check.chosen(help, List.of("vay_von", "chua_can"), Answers.NONE).accepted()).isFalse();
        assertThat(check.chosen(help, List.of("vay_von", "suc_khoe"), Answers.NONE).value())
                .isEqualTo("vay_von suc_khoe");
        assertThat(check.chosen(help, List.of(), Answers.NONE).key()).isEqualTo("survey.answer.none-chosen");
    }
}
