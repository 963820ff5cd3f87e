package vn.hoibot.chat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The channels this instance runs (Telegram when a token is set, the console otherwise), by name. */
@Component
public class Channels {

    private final Map<String, Channel> byName;

    public Channels(ObjectProvider<Channel> channels) {
        this.byName = channels.orderedStream().collect(Collectors.toUnmodifiableMap(Channel::name, Function.identity()));
    }

    public Optional<Channel> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Channel get(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("No channel named " + name));
    }

    public List<Channel> all() {
        return List.copyOf(byName.values());
    }
}
