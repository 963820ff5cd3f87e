package vn.hoibot.chat;

/** A message the channel accepted: where it is and its id, for later edits. */
public record SentMessage(String chatId, String messageId) {
}
