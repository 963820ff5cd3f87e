package vn.hoibot.chat;

/**
 * What an inline button does. Buttons carry only an opaque key; the chat core looks up the action name and the
 * payload stored with it, checks that the person pressing is the one it was made for, decodes the payload back into
 * its record ({@link ButtonPayloads}) and calls this.
 *
 * @param <P> the payload record ({@link ButtonPayloads.None} for a button that needs none)
 */
public interface ButtonAction<P extends Record> {

    /** Unique action name, e.g. {@code member.consent.agree}. */
    String action();

    /** The record the payload decodes to. */
    Class<P> payloadType();

    void onPress(ChatContext ctx, P payload, String messageId);

    /** A button that carries nothing: only {@link #onPress(ChatContext, String)} to write. */
    interface NoPayload extends ButtonAction<ButtonPayloads.None> {

        @Override
        default Class<ButtonPayloads.None> payloadType() {
            return ButtonPayloads.None.class;
        }

        @Override
        default void onPress(ChatContext ctx, ButtonPayloads.None payload, String messageId) {
            onPress(ctx, messageId);
        }

        void onPress(ChatContext ctx, String messageId);
    }
}
