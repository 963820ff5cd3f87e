package vn.hoibot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTests {

    @Test
    void masksTokensAndPhoneNumbersInMessages() {
        assertThat(LogRedaction.redact("GET /bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/getMe"))
                .isEqualTo("GET /bot<token>/getMe");
        assertThat(LogRedaction.redact("duplicate key (phone)=(+84912345678); row 0987 654 321, 090.123.4567"))
                .isEqualTo("duplicate key (phone)=(<phone>); row <phone>, <phone>");
        assertThat(LogRedaction.redact("update 1234 on telegram, unit 42, chat 700000123"))
                .isEqualTo("update 1234 on telegram, unit 42, chat 700000123");
    }

    @Test
    void masksThemInTheApplicationsLogOutput(CapturedOutput output) {
        LoggerFactory.getLogger(LogRedactionTests.class).error("refused row +84912345678",
                new IllegalStateException("token 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw rejected"));
        assertThat(output.getAll()).contains("refused row <phone>").contains("token <token> rejected")
                .doesNotContain("912345678").doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw");
    }
}
