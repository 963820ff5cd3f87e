package vn.hoibot.chat;

import java.util.List;

/**
 * The port every channel (Telegram, console, later Zalo) implements. Feature modules never see a channel
 * library: they hand {@link Outbound} messages to the chat core, which hands them here.
 */
public interface Channel {

    /** Short name stored with accounts and sessions, e.g. {@code telegram}. */
    String name();

    SentMessage send(Outbound message) throws ChannelException;

    /** Replaces the text (and buttons) of a message sent before. */
    void edit(String chatId, String messageId, Outbound message) throws ChannelException;

    /** Acknowledges a button press, optionally with a short toast. */
    void answerButton(String callbackId, String toast);

    /** Fetches a file the person sent. */
    byte[] download(String fileRef) throws ChannelException;

    /**
     * Whether the user is an administrator (or the owner) of the group chat, as the channel says. Channels without
     * group administrators (the console) answer true.
     */
    default boolean isGroupAdmin(String chatId, String userId) throws ChannelException {
        return true;
    }

    /** The bot's own username on this channel (for group commands like /help@bot), or null. */
    default String botUsername() {
        return null;
    }

    /** Publishes the command menu for a language (and a role scope where the channel has one). */
    default void publishCommands(List<CommandInfo> commands, String languageCode) {
    }

    /** Publishes the command menu of one private chat (e.g. a leader's, with her extra commands). */
    default void publishChatCommands(List<CommandInfo> commands, String chatId) {
    }

    /** A command as shown in a channel's menu. */
    record CommandInfo(String command, String description) {
    }
}
