package vn.hoibot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.access.Role;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.UnitView;
import vn.hoibot.survey.form.TestWorkbooks;

/**
 * XLSForm workbooks sent to the bot as documents (fetched with getFile from WireMock): a commune chair's is
 * validated, stored and then launched by a branch head of her commune; an invalid one gets every error and nothing
 * is stored; files that are not workbooks, too big, zip bombs, or sent by someone who may not add surveys are refused.
 * /mauphieu lists the definitions and sends one back as a workbook that loads again.
 */
class SurveyUploadTests extends SurveyChatTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    String p;
    UnitView commune;
    UnitView branch;
    long chairMember;
    long chair;
    long head;
    long otherHead;
    long plain;

    @BeforeEach
    void roster() {
        p = "SU" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Thử", "province", null, from));
        commune = org.createUnit(new NewUnit(p + "-HV", "Xã Hải Vân " + p, "commune", province.id(), from));
        branch = org.createUnit(new NewUnit(p + "-CH1", "Chi hội xóm Đông " + p, "branch", commune.id(), from));
        UnitView otherCommune = org.createUnit(new NewUnit(p + "-HL", "Xã Hải Lý " + p, "commune", province.id(), from));
        UnitView otherBranch = org.createUnit(new NewUnit(p + "-HL1", "Chi hội xóm Tây " + p, "branch",
                otherCommune.id(), from));
        MemberView chairView = member("Trần Thị Mai", branch);
        chairMember = chairView.id();
        roles.assign(chairView.id(), Role.UNIT_CHAIR, commune.id());
        MemberView headView = member("Phạm Thị Hằng", branch);
        roles.assign(headView.id(), Role.BRANCH_HEAD, branch.id());
        MemberView otherView = member("Vũ Thị Hoa", otherBranch);
        roles.assign(otherView.id(), Role.BRANCH_HEAD, otherBranch.id());
        MemberView plainView = member("Lê Thị Sen", branch);
        chair = link(chairView);
        head = link(headView);
        otherHead = link(otherView);
        plain = link(plainView);
    }

    /** A short XLSForm about vocational training, as a chair would write it in Excel. */
    byte[] trainingForm(String formId, String title) {
        return TestWorkbooks.workbook(Map.of(
                "survey", List.of(
                        List.of("type", "name", "label::Tiếng Việt (vi)", "required", "constraint", "constraint_message"),
                        List.of("begin_group", "hoc_nghe", "Học nghề", "", "", ""),
                        List.of("select_one nghe", "nghe", "Chị muốn học nghề gì?", "yes", "", ""),
                        List.of("integer", "tuoi", "Chị bao nhiêu tuổi?", "yes", ". >= 16 and . <= 90", "Tuổi từ 16 đến 90"),
                        List.of("end_group", "", "", "", "", ""),
                        List.of("text", "ghi_chu", "Chị muốn nói thêm điều gì?", "", "", "")),
                "choices", List.of(
                        List.of("list_name", "name", "label::Tiếng Việt (vi)"),
                        List.of("nghe", "may", "May mặc"),
                        List.of("nghe", "nau_an", "Nấu ăn"),
                        List.of("nghe", "lam_dep", "Làm đẹp")),
                "settings", List.of(List.of("form_id", "form_title", "version", "kind"),
                        List.of(formId, title, "1", "needs"))));
    }

    int uploads(String formId) {
        return jdbc.queryForObject("select count(*) from survey_upload where form_id = ?", Integer.class, formId);
    }

    int definitions(String formId) {
        return jdbc.queryForObject("select count(*) from survey_definition where form_id = ?", Integer.class, formId);
    }

    @Test
    void loadsAWorkbookAChairSendsAndABranchHeadOfHerCommuneLaunchesIt() {
        String formId = "hoc_nghe_" + p.toLowerCase().replace('-', '_');
        String title = "Phiếu học nghề " + p;

        JsonNode reply = upload(chair, "hoc-nghe.xlsx", trainingForm(formId, title));

        assertThat(reply.path("text").asText()).contains("Em đã nạp phiếu \"" + title + "\"")
                .contains("mã " + formId).contains("phiên bản 1").contains("3 câu hỏi")
                .contains("【Học nghề】").contains("1. Chị muốn học nghề gì? (chọn một, bắt buộc)")
                .contains("May mặc / Nấu ăn / Làm đẹp").contains("2. Chị bao nhiêu tuổi? (số nguyên, bắt buộc)")
                .contains("3. Chị muốn nói thêm điều gì? (gõ chữ)");
        assertThat(jdbc.queryForMap("select unit_id, uploaded_by from survey_upload where form_id = ?", formId))
                .containsEntry("unit_id", commune.id()).containsEntry("uploaded_by", chairMember);
        assertThat(definitions(formId)).isEqualTo(1);

        // the branch head of her commune sees it; the head of another commune does not
        assertThat(type(head, "/mauphieu", "Các mẫu phiếu").path("text").asText()).contains(title)
                .contains("Phiếu hỏi nhu cầu");
        assertThat(type(otherHead, "/mauphieu", "Các mẫu phiếu").path("text").asText()).doesNotContain(title);

        launch(head, title, branch, 3);
        JsonNode invitation = telegram.awaitSent(token, plain, b -> FakeTelegram.textContains(b, title));
        JsonNode first = pressReply(plain, invitation, "Bắt đầu", "Câu 1/3");
        assertThat(first.path("text").asText()).contains("【Học nghề】").contains("Chị muốn học nghề gì?");
    }

    @Test
    void listsEveryErrorOfAnInvalidWorkbookWithSheetAndRowAndLoadsNothing() {
        String formId = "hong_" + p.toLowerCase().replace('-', '_');
        byte[] xlsx = TestWorkbooks.workbook(Map.of(
                "survey", List.of(
                        List.of("type", "name", "label::Tiếng Việt (vi)", "relevant"),
                        List.of("select_one co_khong", "a", "Câu A", ""),
                        List.of("geopoint", "b", "Câu B", ""),
                        List.of("integer", "c", "Câu C", "${a} = 'co' and"),
                        List.of("text", "a", "Câu A lần nữa", "")),
                "choices", List.of(
                        List.of("list_name", "name", "label::vi"),
                        List.of("co_khong", "co", "Có"),
                        List.of("co_khong", "khong", "")),
                "settings", List.of(List.of("form_id", "form_title"), List.of(formId, "Phiếu hỏng"))));

        String text = upload(chair, "phieu-hong.xlsx", xlsx).path("text").asText();

        assertThat(text).contains("Mẫu phiếu trong tệp phieu-hong.xlsx chưa dùng được nên em chưa nạp gì")
                .contains("Có 4 lỗi")
                .contains("• phieu-hong.xlsx, trang choices, dòng 3: lựa chọn \"khong\" của danh sách \"co_khong\" thiếu nhãn tiếng Việt")
                .contains("• phieu-hong.xlsx, trang survey, dòng 3: loại câu hỏi \"geopoint\" không có")
                .contains("• phieu-hong.xlsx, trang survey, dòng 4: biểu thức ở cột relevant")
                .contains("• phieu-hong.xlsx, trang survey, dòng 5: mã câu hỏi \"a\" bị trùng (đã có ở dòng 2)");
        assertThat(uploads(formId)).isZero();
        assertThat(definitions(formId)).isZero();
    }

    @Test
    void refusesAFileThatIsNotAnXlsxWorkbook() {
        String text = upload(chair, "phieu.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)).path("text").asText();
        assertThat(text).contains("XLSForm").contains(".xlsx");
        String csv = upload(chair, "phieu.csv", "type,name\ntext,a\n".getBytes(StandardCharsets.UTF_8)).path("text")
                .asText();
        assertThat(csv).contains("XLSForm");
    }

    @Test
    void refusesATooBigFileWithoutDownloadingIt() {
        String fileId = "to_qua" + System.nanoTime();
        int before = sentCount(chair);
        sendDocument(chair, fileId, "to-qua.xlsx", TestWorkbooks.valid(), 3L * 1024 * 1024);
        JsonNode reply = telegram.awaitMessage(token, chair, before + 1);
        assertThat(reply.path("text").asText()).contains("to-qua.xlsx quá lớn (tối đa 2 MB)");
        assertThat(telegram.requests(token, "getfile")).noneMatch(b -> b.path("file_id").asText().equals(fileId));
    }

    @Test
    void refusesAZipBombWithinTheUploadLimits() {
        byte[] bomb = TestWorkbooks.zipBomb(TestWorkbooks.valid(), 80L * 1024 * 1024);
        String text = upload(chair, "bom.xlsx", bomb).path("text").asText();
        assertThat(text).contains("chưa nạp gì").contains("Tệp bom.xlsx quá lớn");
        assertThat(uploads("thu")).isZero();
    }

    @Test
    void refusesAWorkbookFromMembersWhoMayNotAddSurveys() {
        String formId = "cam_" + p.toLowerCase().replace('-', '_');
        assertThat(upload(plain, "phieu.xlsx", trainingForm(formId, "Phiếu cấm")).path("text").asText())
                .contains("chưa cần tệp");
        assertThat(upload(head, "phieu.xlsx", trainingForm(formId, "Phiếu cấm")).path("text").asText())
                .contains("chưa cần tệp");
        assertThat(uploads(formId)).isZero();
        assertThat(definitions(formId)).isZero();
    }

    @Test
    void sendsADefinitionBackAsAWorkbookThatLoadsAgainAsItsNextVersion() {
        String formId = "vong_" + p.toLowerCase().replace('-', '_');
        String title = "Phiếu vòng " + p;
        upload(chair, "vong.xlsx", trainingForm(formId, title));

        int before = telegram.files(token, chair, "senddocument", "document").size();
        type(chair, "/mauphieu " + formId, "dạng XLSForm");
        byte[] sent = telegram.files(token, chair, "senddocument", "document").get(before);

        String again = upload(chair, "vong-2.xlsx", sent).path("text").asText();
        assertThat(again).contains("Em đã nạp phiếu \"" + title + "\"").contains("3 câu hỏi");
        assertThat(uploads(formId)).isEqualTo(2);

        // a form id of a built-in survey is not hers to replace
        byte[] clash = trainingForm("nhu_cau_hoi_vien", "Phiếu trùng");
        assertThat(upload(chair, "trung.xlsx", clash).path("text").asText())
                .contains("mã phiếu \"nhu_cau_hoi_vien\" đã có ở một tệp khác");
    }

    @Test
    void takesAnAdminsWorkbookAsASurveyAndHerRosterStillAsARoster() {
        String formId = "admin_" + p.toLowerCase().replace('-', '_');
        String text = upload(ADMIN_USER, "phieu-tinh.xlsx", trainingForm(formId, "Phiếu của tỉnh " + p)).path("text")
                .asText();
        assertThat(text).contains("Em đã nạp phiếu");
        assertThat(jdbc.queryForObject("select count(*) from survey_upload where form_id = ? and unit_id is null",
                Integer.class, formId)).isEqualTo(1);
        // every leader sees an admin's survey
        assertThat(type(otherHead, "/mauphieu", "Các mẫu phiếu").path("text").asText()).contains("Phiếu của tỉnh " + p);

        byte[] roster = TestWorkbooks.workbook(Map.of("Danh sách", List.of(List.of("Họ và tên", "Số điện thoại",
                "Mã chi hội"), List.of("Đỗ Thị Nga", "12345", branch.code()))));
        assertThat(upload(ADMIN_USER, "danhsach.xlsx", roster).path("text").asText()).contains("KẾT QUẢ NHẬP DANH SÁCH");
    }
}
