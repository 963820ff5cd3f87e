package vn.hoibot.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.internal.ButtonTokenEntity;
import vn.hoibot.chat.internal.ButtonTokenRepository;

/**
 * Issues the opaque keys inline buttons carry (12 characters, far below Telegram's 64 bytes, never personal
 * data) and resolves them back to an action and payload for the person they were made for.
 */
@Component
public class ButtonTokens {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final int LENGTH = 12;
    private static final int MAX_PAYLOAD = 500;

    /** What a pressed button means. */
    public record Resolved(String action, String payload) {
    }

    private final ButtonTokenRepository repository;
    private final ChatProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ButtonTokens(ButtonTokenRepository repository, ChatProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new key for a button that {@code userId} (or anyone in the chat, when null) may press; the payload record
     * is stored with it ({@link ButtonPayloads}) and comes back on press.
     */
    @Transactional
    public String issue(String channel, String userId, String action, Record payload) {
        String text = ButtonPayloads.encode(payload);
        if (text.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("button payload too long for " + action);
        }
        return issueText(channel, userId, action, text);
    }

    private String issueText(String channel, String userId, String action, String payload) {
        Instant now = clock.instant();
        String token = newToken();
        repository.save(new ButtonTokenEntity(token, channel, userId, action, payload, now,
                now.plus(properties.buttonTtl())));
        return token;
    }

    /**
     * The action behind a pressed button.
     *
     * @throws UserFacingException {@code chat.button.expired} for unknown or expired keys,
     *                             {@code chat.button.not_yours} when someone else pressed it
     */
    @Transactional(readOnly = true)
    public Resolved resolve(String channel, String userId, String token) {
        Optional<ButtonTokenEntity> found = token == null ? Optional.empty() : repository.findById(token);
        ButtonTokenEntity entity = found.filter(e -> e.channel().equals(channel))
                .filter(e -> !e.expiredAt(clock.instant()))
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        if (entity.userId() != null && !entity.userId().equals(userId)) {
            throw new UserFacingException("chat.button.not_yours");
        }
        return new Resolved(entity.action(), entity.payload());
    }

    @Transactional
    public int deleteExpired() {
        return repository.deleteExpired(clock.instant());
    }

    @Transactional
    public void forget(String channel, String userId) {
        repository.deleteByUser(channel, userId);
    }

    private String newToken() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
