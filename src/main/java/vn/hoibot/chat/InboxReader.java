package vn.hoibot.chat;

import java.util.Optional;

/**
 * Reads a channel's stored raw update into the chat core's terms. One bean per channel that writes to the
 * {@link Inbox}. An empty result means "nothing for us, on purpose"; an update that cannot be read at all throws
 * {@link Unreadable}, whose message names only fields, never their content.
 */
public interface InboxReader {

    String channel();

    Optional<Inbound> read(String payload) throws Unreadable;

    final class Unreadable extends Exception {

        public Unreadable(String safeDescription) {
            super(safeDescription, null, false, false);
        }
    }
}
