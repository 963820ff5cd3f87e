package vn.hoibot.meeting;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/** A small tree (province, commune, two branches, a group) and members linked through the real /start flow. */
final class MeetingFixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final AtomicInteger PHONES = new AtomicInteger();

    final UnitView commune;
    final UnitView branch;
    final UnitView group;
    final UnitView otherBranch;
    final UnitView otherCommune;
    private final MemberDirectory directory;

    MeetingFixtures(OrgService org, MemberDirectory directory) {
        this.directory = directory;
        String p = "MT" + SEQ.incrementAndGet() + "x" + (System.nanoTime() % 100000);
        LocalDate from = LocalDate.of(2020, 1, 1);
        UnitView province = org.createUnit(new NewUnit(p, "Tỉnh Thử", "province", null, from));
        commune = org.createUnit(new NewUnit(p + "-HV", "Xã Hải Vân", "commune", province.id(), from));
        branch = org.createUnit(new NewUnit(p + "-CH1", "Chi hội xóm Đông", "branch", commune.id(), from));
        group = org.createUnit(new NewUnit(p + "-CH1-T1", "Tổ 1 xóm Đông", "group", branch.id(), from));
        otherBranch = org.createUnit(new NewUnit(p + "-CH2", "Chi hội xóm Tây", "branch", commune.id(), from));
        otherCommune = org.createUnit(new NewUnit(p + "-HT", "Xã Hải Tây", "commune", province.id(), from));
    }

    MemberView member(String name, UnitView unit) {
        return directory.create(new NewMember(name, phone(), 1980, false, false, LocalDate.of(2015, 3, 8), unit.id(),
                Set.of(), null));
    }

    static String phone() {
        return "09" + String.format("%08d", (System.nanoTime() / 1000 + PHONES.incrementAndGet()) % 100_000_000L);
    }

    /** /start, agree, share her own contact (as {@code OnboardingTests} does). */
    static void link(FakeTelegram telegram, String token, long user, String phone) {
        telegram.deliver(token, FakeTelegram.text(user, "/start"));
        JsonNode notice = telegram.awaitSent(token, user, b -> b.path("reply_markup").has("inline_keyboard"));
        telegram.deliver(token, FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Chia sẻ số điện thoại")
                && b.path("reply_markup").has("keyboard"));
        telegram.deliver(token, FakeTelegram.contact(user, phone, user));
        telegram.awaitSent(token, user, b -> FakeTelegram.textContains(b, "Đã liên kết"));
    }
}
