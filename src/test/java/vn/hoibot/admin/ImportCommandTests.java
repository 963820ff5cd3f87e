package vn.hoibot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import vn.hoibot.spreadsheet.ImportReports;
import vn.hoibot.member.RosterImporter;
import vn.hoibot.org.UnitImporter;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.quartz.auto-startup=false")
class ImportCommandTests {

    @Autowired
    UnitImporter units;

    @Autowired
    RosterImporter roster;

    @Autowired
    ImportReports reports;

    @TempDir
    Path dir;

    @Test
    void printsEachBadRowInVietnameseAndExitsWithAnErrorWhenNothingWasApplied() throws IOException {
        Path unitFile = dir.resolve("units.csv");
        Files.writeString(unitFile, "Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cha\nCLI,Tỉnh thử,Tỉnh,\n");
        Path rosterFile = dir.resolve("roster.csv");
        Files.writeString(rosterFile, "Họ và tên,Số điện thoại,Mã chi hội\nNguyễn Thị Hoa,0912,CLI\n"
                + "Trần Thị Lan,0933000001,CLI\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        ImportCommand command = new ImportCommand(units, roster, reports,
                new PrintStream(out, true, StandardCharsets.UTF_8), exit::set);

        command.run(new DefaultApplicationArguments("--import-units=" + unitFile, "--import-roster=" + rosterFile,
                "--strict"));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Nhập đơn vị: thêm mới 1")
                .contains("Dòng 2: Số điện thoại không hợp lệ: 0912.")
                .contains("Không ghi gì vào cơ sở dữ liệu vì có lỗi.");
        assertThat(exit.get()).isEqualTo(1);
    }
}
