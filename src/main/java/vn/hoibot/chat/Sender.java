package vn.hoibot.chat;

import java.util.Locale;

/**
 * Who wrote, and where: the channel-neutral identity of an inbound message.
 *
 * @param channel     channel name, e.g. {@code telegram} or {@code console}
 * @param userId      the person's id on that channel (opaque text)
 * @param chatId      the conversation to answer in (equals userId in a private chat)
 * @param chatType    private or group
 * @param displayName the name the channel shows (never logged)
 * @param locale      the language to answer in
 */
public record Sender(String channel, String userId, String chatId, ChatType chatType, String displayName,
        Locale locale) {

    public boolean isPrivate() {
        return chatType == ChatType.PRIVATE;
    }
}
