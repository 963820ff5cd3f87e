package vn.hoibot.chat;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops stale dialogs, expired button keys and old update ids once an hour. */
@Component
class ChatHousekeeping {

    private final DialogSessions sessions;
    private final ButtonTokens tokens;
    private final ProcessedUpdates processed;

    ChatHousekeeping(DialogSessions sessions, ButtonTokens tokens, ProcessedUpdates processed) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.processed = processed;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void clean() {
        sessions.deleteStale();
        tokens.deleteExpired();
        processed.forgetOld();
    }
}
