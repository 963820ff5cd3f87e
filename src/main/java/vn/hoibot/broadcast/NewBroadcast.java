package vn.hoibot.broadcast;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.Button;

/**
 * A broadcast to store in the outbox: the text already rendered per variant (usually per locale), optionally
 * per recipient, with optional buttons and an attachment the channel already holds (e.g. a Telegram file_id).
 *
 * @param kind        notice, reminder, survey invitation...
 * @param createdBy   the member who sends it (null for the system)
 * @param audience    a short description of the audience for reports (no personal data)
 * @param unitId      the unit whose subtree the audience is in (who may see the report and cancel), or null
 * @param html        whether texts use the channel's HTML subset
 * @param variants    what recipients read, by variant name (e.g. {@code vi}, {@code en})
 * @param attachment  a photo or document by reference ({@link Attachment#fileRef()}), or null
 * @param recipients  one per chat; at least one
 * @param scheduledAt when to start sending; null or past for now
 * @param progress    the leader's message to edit with progress and the final summary, or null
 */
public record NewBroadcast(BroadcastKind kind, Long createdBy, String audience, Long unitId, boolean html,
        Map<String, Content> variants, Attachment attachment, List<Recipient> recipients, Instant scheduledAt,
        ProgressTarget progress) {

    public NewBroadcast {
        Objects.requireNonNull(kind, "kind");
        variants = Map.copyOf(variants);
        recipients = List.copyOf(recipients);
    }

    /** A notice in one variant, to send now, without buttons or attachment. */
    public static NewBroadcast notice(Long createdBy, String audience, String variant, String text,
            List<Recipient> recipients) {
        return new NewBroadcast(BroadcastKind.NOTICE, createdBy, audience, null, false,
                Map.of(variant, new Content(text, List.of())), null, recipients, null, null);
    }

    public NewBroadcast scheduledFor(Instant at) {
        return new NewBroadcast(kind, createdBy, audience, unitId, html, variants, attachment, recipients, at, progress);
    }

    public NewBroadcast reportingTo(ProgressTarget target) {
        return new NewBroadcast(kind, createdBy, audience, unitId, html, variants, attachment, recipients, scheduledAt,
                target);
    }

    public NewBroadcast withAttachment(Attachment file) {
        return new NewBroadcast(kind, createdBy, audience, unitId, html, variants, file, recipients, scheduledAt, progress);
    }

    public NewBroadcast withHtml() {
        return new NewBroadcast(kind, createdBy, audience, unitId, true, variants, attachment, recipients, scheduledAt,
                progress);
    }

    /** The text (a caption when there is an attachment) and rows of buttons of one variant. */
    public record Content(String text, List<List<ButtonSpec>> buttons) {

        public Content {
            buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A button on the notice: {@code ACK} ({@code Đã đọc}, its key is made per recipient), {@code LINK} (value is the
     * URL) or {@code ACTION} (value is an opaque key, at most 64 bytes, the same for every recipient).
     */
    public record ButtonSpec(Type type, String label, String value) {

        public enum Type {
            ACK, LINK, ACTION
        }

        public static ButtonSpec acknowledge(String label) {
            return new ButtonSpec(Type.ACK, label, null);
        }

        public static ButtonSpec link(String label, String url) {
            return new ButtonSpec(Type.LINK, label, url);
        }
    }

    /**
     * One chat to send to.
     *
     * @param personalText text for this recipient only, replacing the variant's text (null for none)
     */
    public record Recipient(String channel, String chatId, Long memberId, boolean group, String variant,
            String personalText) {

        public static Recipient member(String channel, String chatId, long memberId, String variant) {
            return new Recipient(channel, chatId, memberId, false, variant, null);
        }

        public static Recipient group(String channel, String chatId, String variant) {
            return new Recipient(channel, chatId, null, true, variant, null);
        }
    }

    /**
     * The leader's message that shows progress, her language, and buttons kept on it while it sends (e.g. "Dừng
     * gửi", keys already issued); the final summary has none.
     */
    public record ProgressTarget(String channel, String chatId, String messageId, String locale,
            List<List<Button>> buttons) {

        public ProgressTarget {
            buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
        }

        public ProgressTarget(String channel, String chatId, String messageId, String locale) {
            this(channel, chatId, messageId, locale, List.of());
        }
    }
}
