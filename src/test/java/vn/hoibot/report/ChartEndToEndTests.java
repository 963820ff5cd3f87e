package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** /bieudo over Telegram: the photos sent are read back from the recorded multipart requests and decoded. */
class ChartEndToEndTests extends ReportEndToEndTest {

    @Test
    void sendsTheProvinceValuesAgainstTargetsAsOnePicture() throws IOException {
        int before = photos(cadre).size();
        JsonNode sent = ask(cadre, "/bieudo tinh 6t-2026");
        assertThat(sent.path("caption").asText()).startsWith("📊 Kết quả so với mục tiêu: Tỉnh Thử, kỳ 6t-2026.")
                .contains("/bieudo " + prefix + "PROV 6t-2026 I2");
        BufferedImage image = decode(photos(cadre).get(before));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(Charts.TARGETS_HEIGHT);
    }

    @Test
    void ranksTheCommuneUnitsAndDrawsTheTrendForOneIndicator() throws IOException {
        int before = photos(cadre).size();
        List<JsonNode> sent = ask(cadre, "/bieudo tinh 6t-2026 i2", 2);
        assertThat(sent.get(0).path("caption").asText())
                .isEqualTo("I2 \"3 có, 3 biết\": xếp hạng cơ sở của Tỉnh Thử, kỳ 6t-2026 (thấp nhất trước, trang 1/1)");
        assertThat(sent.get(1).path("caption").asText()).isEqualTo("I2 \"3 có, 3 biết\": xu hướng của Tỉnh Thử qua các kỳ");
        List<byte[]> files = photos(cadre);
        assertThat(files).hasSize(before + 2);
        BufferedImage ranking = decode(files.get(before)); // four commune units on 30/06/2026: four bars
        assertThat(ranking.getHeight()).isEqualTo(Charts.HEADER + 4 * Charts.BAR_HEIGHT);
        assertThat(decode(files.get(before + 1)).getHeight()).isEqualTo(Charts.TREND_HEIGHT);
    }

    @Test
    void saysSoPlainlyWhenTheIndicatorHasNoValues() {
        int before = photos(cadre).size();
        assertThat(ask(cadre, "/bieudo Hải Vân 6t-2026 E_MONTHLY").path("text").asText())
                .isEqualTo("Chỉ tiêu Sinh hoạt hằng tháng chưa có số liệu cho Xã Hải Vân trong kỳ 6t-2026, "
                        + "nên em không vẽ biểu đồ.");
        assertThat(photos(cadre)).hasSize(before);
    }

    @Test
    void refusesUnitsOutsideHerSubtreeAndUnknownIndicators() {
        assertThat(ask(chair, "/bieudo An Bình 6t-2026").path("text").asText())
                .startsWith("Em không tìm thấy đơn vị \"An Bình\" trong phạm vi của chị.");
        assertThat(ask(chair, "/bieudo 6t-2026 I9").path("text").asText()).startsWith("Em không biết chỉ tiêu \"I9\"");
        assertThat(ask(newUserId(), "/bieudo").path("text").asText()).startsWith("Lệnh này dành cho");
    }

    private List<byte[]> photos(long user) {
        return telegram.files(token, user, "sendphoto", "photo");
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG that decodes").isNotNull();
        return image;
    }
}
