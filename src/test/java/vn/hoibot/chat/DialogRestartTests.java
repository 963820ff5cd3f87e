package vn.hoibot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.hoibot.FakeTelegram;
import vn.hoibot.HoiBotApplication;
import vn.hoibot.TestDatabaseEnvironment;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.NewMember;
import vn.hoibot.org.NewUnit;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/** Conversation state lives in the database: a restart in the middle of a dialog continues where she was. */
class DialogRestartTests {

    private static final String TOKEN = "3000:restart";

    @Test
    void continuesAHalfDoneDialogAfterARestart() {
        FakeTelegram telegram = FakeTelegram.instance();
        String[] args = args(TestDatabaseEnvironment.freshDatabase());
        long user = 880_000_001L;
        String phone = "0912" + String.valueOf(System.nanoTime()).substring(0, 6);
        try (ConfigurableApplicationContext first = start(args)) {
            OrgService org = first.getBean(OrgService.class);
            UnitView province = org.createUnit(new NewUnit("RS", "Tỉnh", "province", null, LocalDate.of(2020, 1, 1)));
            UnitView commune = org.createUnit(new NewUnit("RS-X", "Xã Hải Vân", "commune", province.id(),
                    LocalDate.of(2020, 1, 1)));
            UnitView branch = org.createUnit(new NewUnit("RS-1", "Chi hội xóm Bắc", "branch", commune.id(),
                    LocalDate.of(2020, 1, 1)));
            first.getBean(MemberDirectory.class).create(new NewMember("Đặng Thị Xuân", phone, 1990, false, false,
                    LocalDate.of(2019, 1, 1), branch.id(), Set.of(), null));
            telegram.deliver(TOKEN, FakeTelegram.text(user, "/start"));
            JsonNode notice = telegram.awaitMessage(TOKEN, user, 1);
            telegram.deliver(TOKEN, FakeTelegram.button(user, FakeTelegram.buttonData(notice, "đồng ý"), 1));
            telegram.awaitMessage(TOKEN, user, 2);
        }
        try (ConfigurableApplicationContext second = start(args)) {
            telegram.deliver(TOKEN, FakeTelegram.contact(user, phone, user));
            JsonNode linked = telegram.awaitMessage(TOKEN, user, 3);
            assertThat(linked.path("text").asText()).contains("Đã liên kết").contains("Đặng Thị Xuân");
        }
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(HoiBotApplication.class).web(WebApplicationType.NONE).run(args);
    }

    private static String[] args(Map<String, Object> database) {
        List<String> args = new ArrayList<>();
        database.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--hoibot.test.keep-datasource=true");
        args.add("--hoibot.telegram.token=" + TOKEN);
        args.add("--hoibot.telegram.api-url=" + FakeTelegram.instance().url());
        return args.toArray(String[]::new);
    }
}
