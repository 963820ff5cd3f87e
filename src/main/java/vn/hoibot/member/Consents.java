package vn.hoibot.member;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.DialogSessions;
import vn.hoibot.chat.Sender;

/** Consent to the privacy notice: recorded with its version, shown later, withdrawn on erasure. */
@Service
public class Consents {

    /** Consent as recorded. */
    public record ConsentView(String noticeVersion, Instant givenAt) {
    }

    private final ConsentRepository consents;
    private final DialogSessions sessions;
    private final ButtonTokens tokens;
    private final OnboardingProperties properties;
    private final Clock clock;

    Consents(ConsentRepository consents, DialogSessions sessions, ButtonTokens tokens,
            OnboardingProperties properties, Clock clock) {
        this.consents = consents;
        this.sessions = sessions;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ConsentView> consentOf(Sender sender) {
        return consents.history(sender.channel(), sender.userId()).stream().findFirst().filter(Consent::isActive)
                .map(c -> new ConsentView(c.noticeVersion(), c.givenAt()));
    }

    @Transactional
    public void giveConsent(Sender sender) {
        if (consentOf(sender).filter(c -> c.noticeVersion().equals(properties.noticeVersion())).isEmpty()) {
            consents.save(new Consent(sender.channel(), sender.userId(), properties.noticeVersion(), clock.instant()));
        }
    }

    public String noticeVersion() {
        return properties.noticeVersion();
    }

    /** Marks her consent withdrawn and forgets her dialogs and buttons. */
    void withdraw(String channel, String userId) {
        consents.history(channel, userId).forEach(c -> c.withdraw(clock.instant()));
        sessions.forget(channel, userId);
        tokens.forget(channel, userId);
    }
}
