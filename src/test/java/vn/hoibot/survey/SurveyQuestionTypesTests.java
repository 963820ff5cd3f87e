package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.access.Role;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.UnitView;
import vn.hoibot.survey.form.TestWorkbooks;

/**
 * Every question type through the answering dialog, over WireMock: note, acknowledge, select_one (typed text refused
 * with the buttons again), integer and decimal (unreadable, failing the constraint), date (unreadable, failing
 * today()), range as buttons and as a typed number out of range, select_multiple (nothing chosen, a constraint on the
 * combination, toggling off), text over the 4,000 limit; the group heading; skip logic; the summary, a change from it
 * and the send; every stored value checked.
 */
class SurveyQuestionTypesTests extends SurveyChatTest {

    /** One question of every type, as a chair writes it in Excel. */
    static byte[] everyType(String formId, String title) {
        List<String> header = List.of("type", "name", "label::Tiếng Việt (vi)", "required", "relevant", "constraint",
                "constraint_message::Tiếng Việt (vi)", "parameters");
        return TestWorkbooks.workbook(Map.of(
                "survey", List.of(header,
                        List.of("note", "gioi_thieu", "Phiếu thử mọi loại câu hỏi.", "", "", "", "", ""),
                        List.of("acknowledge", "dong_y", "Chị đồng ý tham gia thử phiếu?", "yes", "", "", "", ""),
                        List.of("begin_group", "gia_dinh", "Gia đình", "", "", "", "", ""),
                        List.of("select_one co_khong", "co_con", "Chị có con nhỏ không?", "yes", "", "", "", ""),
                        List.of("integer", "so_con", "Chị có mấy cháu?", "yes", "${co_con} = 'co'",
                                ". >= 1 and . <= 10", "Số cháu từ 1 đến 10", ""),
                        List.of("end_group", "", "", "", "", "", "", ""),
                        List.of("decimal", "dien_tich", "Nhà chị cấy mấy sào ruộng?", "yes", "", ". > 0",
                                "Diện tích phải lớn hơn 0", ""),
                        List.of("date", "ngay_sinh", "Cháu út sinh ngày nào?", "", "", ". <= today()",
                                "Ngày sinh không được sau hôm nay", ""),
                        List.of("range", "diem", "Chị chấm buổi sinh hoạt mấy điểm?", "yes", "", "", "",
                                "start=1 end=5 step=1"),
                        List.of("range", "tuoi", "Chị bao nhiêu tuổi?", "yes", "", "", "", "start=16 end=90 step=1"),
                        List.of("select_multiple viec", "viec", "Chị đang làm những việc gì?", "yes", "",
                                "not(selected(., 'chua') and count-selected(.) > 1)",
                                "Đã chọn Chưa có việc thì không chọn thêm", ""),
                        List.of("text", "ghi_chu", "Chị muốn nhắn gì với Hội?", "", "", "", "", "")),
                "choices", List.of(
                        List.of("list_name", "name", "label::Tiếng Việt (vi)"),
                        List.of("co_khong", "co", "Có"),
                        List.of("co_khong", "khong", "Không"),
                        List.of("viec", "ruong", "Làm ruộng"),
                        List.of("viec", "buon_ban", "Buôn bán"),
                        List.of("viec", "cong_nhan", "Công nhân"),
                        List.of("viec", "chua", "Chưa có việc")),
                "settings", List.of(List.of("form_id", "form_title", "version"), List.of(formId, title, "1"))));
    }

    @Test
    void takesEveryQuestionTypeThroughTheDialogAndStoresEachValue() {
        String p = "QT" + System.nanoTime() % 1_000_000;
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Thử", "province", null, from));
        UnitView commune = org.createUnit(new NewUnit(p + "-X", "Xã Thử " + p, "commune", province.id(), from));
        UnitView branch = org.createUnit(new NewUnit(p + "-1", "Chi hội Thử " + p, "branch", commune.id(), from));
        MemberView chairView = member("Trần Thị Mai", branch);
        roles.assign(chairView.id(), Role.UNIT_CHAIR, commune.id());
        MemberView lanView = member("Nguyễn Thị Lan", branch);
        long chair = link(chairView);
        long lan = link(lanView);
        String title = "Phiếu mọi loại câu " + p;
        assertThat(upload(chair, "moi-loai.xlsx", everyType("moi_loai_" + p.toLowerCase(), title)).path("text")
                .asText()).contains("Em đã nạp phiếu").contains("9 câu hỏi");
        long run = launch(chair, title, branch, 2);

        JsonNode invitation = telegram.awaitSent(token, lan, b -> FakeTelegram.textContains(b, title));
        JsonNode q = pressReply(lan, invitation, "Bắt đầu", "Phiếu thử mọi loại câu hỏi");
        q = pressEdit(lan, q, "Tiếp tục", "Chị đồng ý tham gia thử phiếu");
        q = pressEdit(lan, q, "Đồng ý", "Chị có con nhỏ không");
        assertThat(q.path("text").asText()).contains("【Gia đình】").contains("Câu 2/");

        // select_one: a typed text gets the question again with its buttons
        q = type(lan, "có ạ", "Câu này chị trả lời bằng cách bấm nút bên dưới");
        assertThat(q.path("text").asText()).contains("Chị có con nhỏ không");
        q = pressEdit(lan, q, "Có", "Chị có mấy cháu");

        // integer: unreadable, then failing its constraint, then accepted
        type(lan, "hai cháu", "Chị chỉ gõ một số nguyên");
        type(lan, "12", "Số cháu từ 1 đến 10");
        q = type(lan, "2", "Nhà chị cấy mấy sào ruộng");

        // decimal, with a comma as Vietnamese write it
        type(lan, "mấy sào", "Chị chỉ gõ một số, ví dụ: 2,5");
        type(lan, "0", "Diện tích phải lớn hơn 0");
        q = type(lan, "2,5", "Cháu út sinh ngày nào");
        assertThat(labels(q)).contains("Bỏ qua").contains("Quay lại");

        // date: unreadable (an example of a good one), after today (the constraint), then accepted
        type(lan, "không nhớ rõ", "ví dụ: 15/3/2027");
        type(lan, dayAhead(30), "Ngày sinh không được sau hôm nay");
        q = type(lan, "15/5/2020", "Chị chấm buổi sinh hoạt mấy điểm");

        // range with few values: buttons; with many: typed, out of range refused
        assertThat(labels(q)).contains("1|").contains("5|");
        q = pressEdit(lan, q, "4", "Chị bao nhiêu tuổi");
        assertThat(q.path("text").asText()).contains("Chị gõ một số từ 16 đến 90");
        type(lan, "100", "Chị gõ một số từ 16 đến 90 (bước 1)");
        q = type(lan, "35", "Chị đang làm những việc gì");

        // select_multiple: nothing chosen, a combination the constraint refuses, toggling off
        q = pressEdit(lan, q, "Xong", "Chị chưa chọn ý nào");
        q = pressEdit(lan, q, "Chưa có việc", "✓ Chưa có việc");
        q = pressEdit(lan, q, "Làm ruộng", "✓ Làm ruộng");
        q = pressEdit(lan, q, "Xong", "Đã chọn Chưa có việc thì không chọn thêm");
        q = pressEdit(lan, q, "✓ Chưa có việc", "Buôn bán");
        assertThat(labels(q)).contains("✓ Làm ruộng").doesNotContain("✓ Chưa có việc");
        q = pressEdit(lan, q, "Buôn bán", "✓ Buôn bán");
        q = pressEdit(lan, q, "Xong", "Chị muốn nhắn gì với Hội");

        // text: over the limit refused with the limit stated
        type(lan, "a".repeat(4001), "tối đa 4.000 chữ, chị đang gõ 4.001 chữ");
        JsonNode summary = type(lan, "Cảm ơn Hội", "Chị xem lại câu trả lời");
        assertThat(summary.path("text").asText()).contains("→ Đồng ý").contains("→ Có").contains("→ 2\n")
                .contains("→ 2.5").contains("→ 15/05/2020").contains("→ 4\n").contains("→ 35")
                .contains("→ Làm ruộng, Buôn bán").contains("→ Cảm ơn Hội");

        // a change from the summary: no more small children, so the number of children is no longer asked
        q = pressEdit(lan, summary, "✏️ 2", "Chị có con nhỏ không");
        summary = pressEdit(lan, q, "Không", "Chị xem lại câu trả lời");
        assertThat(summary.path("text").asText()).contains("→ Không").doesNotContain("Chị có mấy cháu");
        pressEdit(lan, summary, "Gửi", "Em đã nhận phiếu");

        long member = lanView.id();
        assertThat(jdbc.queryForObject("select status from survey_response where run_id = ? and member_id = ?",
                String.class, run, member)).isEqualTo("FINISHED");
        assertThat(List.of(answer(run, member, "dong_y"), answer(run, member, "co_con"),
                answer(run, member, "dien_tich"), answer(run, member, "ngay_sinh"), answer(run, member, "diem"),
                answer(run, member, "tuoi"), answer(run, member, "viec"), answer(run, member, "ghi_chu")))
                .containsExactly("OK", "khong", "2.5", "2020-05-15", "4", "35", "ruong buon_ban", "Cảm ơn Hội");
        // the number of children was answered, then no longer asked: it is not kept (nor counted in the results)
        assertThat(answer(run, member, "so_con")).isNull();
        assertThat(jdbc.queryForObject("""
                select typed_text from survey_answer a join survey_response r on r.id = a.response_id
                 where r.run_id = ? and r.member_id = ? and a.question = 'dien_tich'""", String.class, run, member))
                .isEqualTo("2,5");
    }
}
