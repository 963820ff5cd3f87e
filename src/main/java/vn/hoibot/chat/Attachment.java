package vn.hoibot.chat;

/**
 * A file sent with a message: new content, or a reference the channel already knows (e.g. a Telegram file_id).
 */
public record Attachment(Kind kind, String fileName, byte[] content, String fileRef) {

    public enum Kind {
        PHOTO, DOCUMENT
    }

    public static Attachment document(String fileName, byte[] content) {
        return new Attachment(Kind.DOCUMENT, fileName, content, null);
    }
}
