package vn.hoibot.chat;

/**
 * What an inline button does. Buttons carry only an opaque key; the chat core looks up the action name and
 * payload stored with it, checks that the person pressing is the one it was made for, and calls this.
 */
public interface ButtonAction {

    /** Unique action name, e.g. {@code member.consent.agree}. */
    String action();

    void onPress(ChatContext ctx, String payload, String messageId);
}
