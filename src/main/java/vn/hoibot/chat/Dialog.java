package vn.hoibot.chat;

/**
 * A conversation of several steps. Its state lives in the database ({@link DialogState}), so a restart or a
 * second instance continues where she was.
 */
public interface Dialog {

    /** Unique name, stored with the session. */
    String name();

    /** She typed text while this dialog was active. */
    void onText(ChatContext ctx, DialogState state, String text);

    /** She shared a contact while this dialog was active. */
    default void onContact(ChatContext ctx, DialogState state, Inbound.ContactShared contact) {
        ctx.reply("chat.dialog.text_expected");
    }

    /** She sent a document while this dialog was active. */
    default void onFile(ChatContext ctx, DialogState state, Inbound.FileReceived file) {
        ctx.reply("chat.dialog.text_expected");
    }
}
