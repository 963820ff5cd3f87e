package vn.hoibot.chat;

import java.util.Optional;

/**
 * Lets the console channel act as a person from the roster ({@code /as <phone or name>}); implemented by the
 * module that knows members, which also links the console account to her.
 */
public interface ConsoleIdentities {

    /** A person the console may act as. */
    record Identity(String userId, String displayName) {
    }

    Optional<Identity> actAs(String phoneOrName);
}
