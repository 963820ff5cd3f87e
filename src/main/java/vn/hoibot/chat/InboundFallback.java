package vn.hoibot.chat;

/**
 * Handles contacts and files that arrive outside any dialog (e.g. member linking, roster upload). At most one
 * bean of each kind; without one the chat core answers politely that it cannot use them.
 */
public interface InboundFallback {

    interface Contacts {
        void onContact(ChatContext ctx, Inbound.ContactShared contact);
    }

    interface Files {
        void onFile(ChatContext ctx, Inbound.FileReceived file);
    }
}
