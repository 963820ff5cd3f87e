package vn.hoibot.chat;

import java.util.List;
import java.util.Optional;

/**
 * Lets the console channel act as a person from the roster ({@code /as <phone or name>}); implemented by the
 * module that knows members, which also links the console account to her.
 */
public interface ConsoleIdentities {

    /** A person the console may act as: her console user id (also her chat), her name and where she belongs. */
    record Identity(String userId, String displayName, String description) {
    }

    /** Who {@code phoneOrName} may mean (a phone number gives one; a name up to {@code limit}); nothing is changed. */
    List<Identity> candidates(String phoneOrName, int limit);

    /** Becomes one of the candidates: her console account is linked to her. */
    Optional<Identity> become(String userId);
}
