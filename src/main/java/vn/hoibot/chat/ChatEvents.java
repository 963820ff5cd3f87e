package vn.hoibot.chat;

/** Events the chat core publishes (past tense), for modules that keep delivery state. */
public final class ChatEvents {

    private ChatEvents() {
    }

    /** A person wrote to the bot in a private chat: she can be reached there again. */
    public record PersonWrote(String channel, String userId, String chatId) {
    }

    /** A reply could not be delivered; {@code kind} says why. */
    public record ReplyFailed(String channel, String chatId, ChannelException.Kind kind) {
    }
}
