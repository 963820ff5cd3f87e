package vn.hoibot.survey;

import java.time.ZoneId;

/** The service zone; replaced by the time module's {@code ServiceZone} once it is on this branch. */
final class SurveyTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private SurveyTime() {
    }
}
