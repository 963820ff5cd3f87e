package vn.hoibot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.hoibot.chat.Messages;
import vn.hoibot.indicator.CommuneResult;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.IndicatorValue;
import vn.hoibot.indicator.ReportPeriod;

class ChartsTests {

    static final ReportProperties PROPERTIES = new ReportProperties("DejaVu Sans", 1080, 15, 6, 3, LocalTime.of(8, 0), "0 0/5 * * * ?");
    static final ReportPeriod HALF = new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
            ReportPeriod.Kind.HALF, "6t-2026");

    final Charts charts = new Charts(new ChartFonts(PROPERTIES), messages(), PROPERTIES);

    static Messages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Messages.VIETNAMESE);
        source.setAlwaysUseMessageFormat(true);
        return new Messages(source);
    }

    @Test
    void findsAFontThatDisplaysVietnamese() {
        ChartFonts fonts = new ChartFonts(PROPERTIES);
        assertThat(fonts.vietnamese()).isTrue();
        assertThat(fonts.font(java.awt.Font.PLAIN, 20).canDisplayUpTo(ChartFonts.VIETNAMESE)).isEqualTo(-1);
    }

    @Test
    void drawsOneBarPerIndicatorWithAValueAgainstItsTarget() throws IOException {
        IndicatorReport report = report(List.of(IndicatorValue.share("I1", 2, 4, 1.0),
                IndicatorValue.share("I2", 1, 4, 1.0), IndicatorValue.share("I4", 0, 0, 0.5),
                IndicatorValue.count("I5", 3), IndicatorValue.share("I7", 3, 5, 1.0)), List.of());
        Picture p = charts.targets(report, Messages.VIETNAMESE).orElseThrow();
        assertThat(p.bars()).isEqualTo(3); // I4 not applicable, I5 a count
        assertDecodes(p, 1080, Charts.TARGETS_HEIGHT);
    }

    @Test
    void drawsNothingWhenNoIndicatorHasAValue() {
        IndicatorReport report = report(List.of(IndicatorValue.share("I1", 0, 0, 1.0), IndicatorValue.count("I5", 0)),
                List.of());
        assertThat(charts.targets(report, Messages.VIETNAMESE)).isEmpty();
        assertThat(charts.ranking(report, "I1", Messages.VIETNAMESE)).isEmpty();
        assertThat(charts.trend(List.of(report), "I1", Messages.VIETNAMESE)).isEmpty();
    }

    @Test
    void ranksTwentyUnitsWeakestFirstInPicturesOfFifteen() throws IOException {
        List<CommuneResult> communes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            communes.add(commune(i, "Xã Thử " + i, IndicatorValue.share("E_MONTHLY", 20 - i, 20, null)));
        }
        communes.add(commune(99, "Xã Không Chi Hội", IndicatorValue.share("E_MONTHLY", 0, 0, null)));
        List<Picture> pictures = charts.ranking(report(List.of(), communes), "E_MONTHLY", Messages.VIETNAMESE);
        assertThat(pictures).extracting(Picture::bars).containsExactly(15, 5);
        assertDecodes(pictures.get(0), 1080, Charts.HEADER + 15 * Charts.BAR_HEIGHT);
        assertDecodes(pictures.get(1), 1080, Charts.HEADER + 5 * Charts.BAR_HEIGHT);
        assertThat(pictures.get(0).caption()).contains("trang 1/2");
    }

    @Test
    void ranksTheWeakestUnitFirst() {
        List<CommuneResult> communes = List.of(commune(1, "Xã Mạnh", IndicatorValue.share("I7", 4, 4, 1.0)),
                commune(2, "Xã Yếu", IndicatorValue.share("I7", 1, 4, 1.0)));
        assertThat(Charts.order(communes, "I7")).extracting(CommuneResult::name).containsExactly("Xã Yếu", "Xã Mạnh");
    }

    @Test
    void drawsTheTrendOfThePeriodsWithAValue() throws IOException {
        IndicatorReport before = report(List.of(IndicatorValue.share("I1", 0, 0, 1.0)), List.of());
        IndicatorReport after = report(List.of(IndicatorValue.share("I1", 1, 4, 1.0)), List.of());
        Picture p = charts.trend(List.of(before, after, after), "I1", Messages.VIETNAMESE).orElseThrow();
        assertThat(p.bars()).isEqualTo(2);
        assertDecodes(p, 1080, Charts.TREND_HEIGHT);
    }

    static void assertDecodes(Picture p, int width, int height) throws IOException {
        String dir = System.getProperty("report.charts.out"); // to look at them: -Dreport.charts.out=/tmp
        if (dir != null) {
            java.nio.file.Files.write(java.nio.file.Path.of(dir, p.fileName()), p.png());
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(p.width()).isEqualTo(width);
        assertThat(p.height()).isEqualTo(height);
    }

    static IndicatorReport report(List<IndicatorValue> values, List<CommuneResult> communes) {
        return new IndicatorReport(new IndicatorReport.Unit(1, "PROV", "Tỉnh Thử", "province"), HALF, HALF.to(),
                values, communes);
    }

    static CommuneResult commune(long id, String name, IndicatorValue value) {
        return new CommuneResult(id, "C" + id, name, false, Optional.empty(), List.of(value), Map.of(), List.of());
    }
}
