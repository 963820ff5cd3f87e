package vn.hoibot.chat;

/** Whether a conversation is one-to-one with a person or a group chat. */
public enum ChatType {
    PRIVATE, GROUP
}
