package vn.hoibot.meeting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating tokens of QR check-in: {@code dd_<activity>_<mac>}, the mac an HMAC-SHA256 of the activity and the
 * current period, keyed by the activity's check-in code (whoever knows the code can check in anyway). A token is
 * valid in its period and the next one, so a code scanned as it changes still works; an older one is refused.
 * At most 64 characters of {@code A-Za-z0-9_-}, as a /start payload must be.
 */
final class CheckinTokens {

    static final String PREFIX = "dd_";
    private static final int MAC_CHARS = 12;

    /** A token taken apart: the activity it names and its mac. */
    record Parsed(long activityId, String mac) {
    }

    private CheckinTokens() {
    }

    static String token(long activityId, String code, Instant at, Duration rotation) {
        return PREFIX + activityId + "_" + mac(activityId, code, period(at, rotation));
    }

    /** When the token issued at {@code at} stops being accepted. */
    static Instant validUntil(Instant at, Duration rotation) {
        return Instant.ofEpochSecond((period(at, rotation) + 2) * rotation.toSeconds());
    }

    static Optional<Parsed> parse(String token) {
        if (token == null || !token.matches(PREFIX + "\\d{1,18}_[A-Za-z0-9_-]{" + MAC_CHARS + "}")) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int cut = rest.indexOf('_');
        return Optional.of(new Parsed(Long.parseLong(rest.substring(0, cut)), rest.substring(cut + 1)));
    }

    /** Whether the mac is the one of the current period or of the period before. */
    static boolean current(Parsed token, String code, Instant now, Duration rotation) {
        long period = period(now, rotation);
        return same(token.mac(), mac(token.activityId(), code, period))
                | same(token.mac(), mac(token.activityId(), code, period - 1));
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static long period(Instant at, Duration rotation) {
        return Math.floorDiv(at.getEpochSecond(), rotation.toSeconds());
    }

    private static String mac(long activityId, String code, long period) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("hoibot-checkin:" + code).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((activityId + ":" + period).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAC_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
