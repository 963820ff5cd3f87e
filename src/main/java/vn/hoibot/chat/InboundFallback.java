package vn.hoibot.chat;

/**
 * Handles contacts and files that arrive outside any dialog (e.g. member linking, roster upload). At most one
 * contacts bean; several files beans, asked in their {@code @Order} whether they take the file, the first that does
 * gets it. Without one the chat core answers politely that it cannot use them.
 */
public interface InboundFallback {

    interface Contacts {
        void onContact(ChatContext ctx, Inbound.ContactShared contact);
    }

    interface Files {
        void onFile(ChatContext ctx, Inbound.FileReceived file);

        /** Whether this handler takes the file (it may look at who sent it, its name, even its content). */
        default boolean accepts(ChatContext ctx, Inbound.FileReceived file) {
            return true;
        }
    }
}
