package vn.hoibot.report;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The font of the charts: the configured family when it exists here and displays every Vietnamese letter, else the
 * first family on the machine that does, with a warning at start; with none, a warning that labels will show boxes.
 */
@Component
class ChartFonts {

    /** Every tone mark on every vowel, and đ. */
    static final String VIETNAMESE = "ĐđĂăÂâÊêÔôƠơƯư áàảãạ ắằẳẵặ ấầẩẫậ éèẻẽẹ ếềểễệ íìỉĩị óòỏõọ ốồổỗộ ớờởỡợ "
            + "úùủũụ ứừửữự ýỳỷỹỵ";
    private static final Logger log = LoggerFactory.getLogger(ChartFonts.class);

    private final String family;
    private final boolean vietnamese;

    ChartFonts(ReportProperties properties) {
        String wanted = properties.font();
        if (displaysVietnamese(wanted)) {
            family = wanted;
            vietnamese = true;
            return;
        }
        String found = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .filter(ChartFonts::displaysVietnamese).findFirst().orElse(null);
        if (found != null) {
            log.warn("Chart font '{}' cannot display Vietnamese here; using '{}' (install fonts-dejavu-core)", wanted,
                    found);
            family = found;
            vietnamese = true;
        } else {
            log.warn("No font on this machine displays Vietnamese: chart labels will show boxes "
                    + "(install fonts-dejavu-core)");
            family = Font.SANS_SERIF;
            vietnamese = false;
        }
    }

    static boolean displaysVietnamese(String family) {
        Font font = new Font(family, Font.PLAIN, 12);
        return font.getFamily(Locale.ROOT).equalsIgnoreCase(family) && font.canDisplayUpTo(VIETNAMESE) == -1;
    }

    Font font(int style, int size) {
        return new Font(family, style, size);
    }

    String family() {
        return family;
    }

    boolean vietnamese() {
        return vietnamese;
    }
}
