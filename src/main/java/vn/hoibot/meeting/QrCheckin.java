package vn.hoibot.meeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.UserFacingException;

/**
 * QR check-in: the leader shows a QR code on her phone while the activity takes place; it holds the deep link
 * {@code https://t.me/<bot>?start=dd_<token>}, and a member who scans it with her phone camera opens the bot and is
 * checked in. The token changes every {@code hoibot.meeting.qr-rotation} (see {@link CheckinTokens}), so a photo
 * of an old code sent around does not check anyone in from home.
 */
@Service
public class QrCheckin {

    private static final int SIZE = 480;

    /** A QR code to show: the link it holds, the PNG, and until when it is accepted. */
    public record Qr(ActivityView activity, String link, byte[] png, Instant validUntil) {
    }

    private final ActivityRepository activities;
    private final Attendance attendance;
    private final AccessPolicy policy;
    private final MeetingProperties properties;
    private final Clock clock;

    QrCheckin(ActivityRepository activities, Attendance attendance, AccessPolicy policy, MeetingProperties properties,
            Clock clock) {
        this.activities = activities;
        this.attendance = attendance;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The current QR code of an activity she may take attendance at, while members may check in.
     *
     * @param botUsername the bot's username for the t.me link; null on a channel without one (the console): the
     *                    code then holds {@code /start <token>}
     * @throws UserFacingException {@code meeting.activity.not_found}, {@code meeting.checkin.closed}, or the access
     *                             check's refusal
     */
    @Transactional(readOnly = true)
    public Qr issue(Actor actor, long activityId, String botUsername) {
        Activity activity = activities.findById(activityId)
                .orElseThrow(() -> new UserFacingException("meeting.activity.not_found", String.valueOf(activityId)));
        policy.require(actor, Permission.MARK_ATTENDANCE, activity.unitId());
        Instant now = clock.instant();
        if (!activity.inCheckInWindow(now, properties.checkinEarly(), properties.checkinLate())) {
            throw new UserFacingException("meeting.checkin.closed", activity.title());
        }
        String token = CheckinTokens.token(activity.id(), activity.checkinCode(), now, properties.qrRotation());
        String link = botUsername == null ? "/start " + token : "https://t.me/" + botUsername + "?start=" + token;
        return new Qr(activity.view(), link, png(link), CheckinTokens.validUntil(now, properties.qrRotation()));
    }

    /**
     * She scanned a QR code: checks her in when the token is the current one (or the one just before).
     *
     * @throws UserFacingException {@code meeting.checkin.qr_old} for an old or unknown token, and those of
     *                             {@link Attendance#checkInByButton}
     */
    @Transactional
    public ActivityView checkIn(long memberId, String token) {
        Instant now = clock.instant();
        CheckinTokens.Parsed parsed = CheckinTokens.parse(token)
                .orElseThrow(() -> new UserFacingException("meeting.checkin.qr_old"));
        Activity activity = activities.findById(parsed.activityId())
                .filter(a -> CheckinTokens.current(parsed, a.checkinCode(), now, properties.qrRotation()))
                .orElseThrow(() -> new UserFacingException("meeting.checkin.qr_old"));
        return attendance.selfCheckIn(memberId, activity.id(), Attendance.Method.QR);
    }

    static byte[] png(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be made", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
