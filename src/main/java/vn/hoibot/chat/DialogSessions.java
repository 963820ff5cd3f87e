package vn.hoibot.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.hoibot.chat.internal.DialogSessionEntity;
import vn.hoibot.chat.internal.DialogSessionRepository;

/** Dialog state in the database, one row per person and chat. */
@Component
public class DialogSessions {

    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final DialogSessionRepository repository;
    private final ChatProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public DialogSessions(DialogSessionRepository repository, ChatProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<DialogState> find(Sender sender) {
        Instant cutoff = clock.instant().minus(properties.sessionTtl());
        return repository.findById(key(sender))
                .filter(s -> s.updatedAt().isAfter(cutoff))
                .map(s -> new DialogState(s.dialog(), s.step(), json.readValue(s.data(), MAP)));
    }

    @Transactional
    public void save(Sender sender, DialogState state) {
        DialogSessionEntity entity = repository.findById(key(sender)).orElseGet(() -> new DialogSessionEntity(key(sender)));
        String data = json.writeValueAsString(state.data());
        if (data.length() > 8000) {
            throw new UserFacingException("chat.dialog.too_long");
        }
        entity.update(state.dialog(), state.step(), data, clock.instant());
        repository.save(entity);
    }

    @Transactional
    public void clear(Sender sender) {
        repository.findById(key(sender)).ifPresent(repository::delete);
    }

    /** Forgets every dialog of a person (used when she deletes her data). */
    @Transactional
    public void forget(String channel, String userId) {
        repository.deleteByUser(channel, userId);
    }

    @Transactional
    public int deleteStale() {
        return repository.deleteOlderThan(clock.instant().minus(properties.sessionTtl()));
    }

    private static DialogSessionEntity.Key key(Sender sender) {
        return new DialogSessionEntity.Key(sender.channel(), sender.chatId(), sender.userId());
    }
}
