package vn.hoibot.member;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.hoibot.access.Role;
import vn.hoibot.text.Texts;

/**
 * Words a roster may use for tags, statuses, roles and yes/no: the enum names and their labels in every bundle
 * (plus the comma-separated {@code .aliases} message, if any), matched accent- and case-insensitively.
 */
@Component
public class Vocabulary {

    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);
    private static final List<String> YES = List.of("x", "co", "1", "yes", "y", "true", "v");
    private static final List<String> NO = List.of("", "khong", "0", "no", "n", "false", "-");

    private final Map<String, MemberTag> tags;
    private final Map<String, MemberStatus> statuses;
    private final Map<String, Role> roles;

    Vocabulary(MessageSource messages) {
        this.tags = words(MemberTag.values(), "member.tag.", messages);
        this.statuses = words(MemberStatus.values(), "member.status.", messages);
        this.roles = words(Role.values(), "member.role.", messages);
    }

    Optional<MemberTag> tag(String word) {
        return Optional.ofNullable(tags.get(Texts.fold(word)));
    }

    Optional<MemberStatus> status(String word) {
        return Optional.ofNullable(statuses.get(Texts.fold(word)));
    }

    /** A role by its Vietnamese name or usual short form ({@code Chi hội trưởng}, {@code CHT}, {@code Tổ trưởng}). */
    public Optional<Role> role(String word) {
        return Optional.ofNullable(roles.get(Texts.fold(word)));
    }

    /** True or false for a yes/no cell, empty when the word is neither. */
    static Optional<Boolean> flag(String word) {
        String w = Texts.fold(word);
        if (YES.contains(w)) {
            return Optional.of(true);
        }
        return NO.contains(w) ? Optional.of(false) : Optional.empty();
    }

    private static <E extends Enum<E>> Map<String, E> words(E[] values, String prefix, MessageSource messages) {
        Map<String, E> words = new HashMap<>();
        for (E value : values) {
            words.put(Texts.fold(value.name()), value);
            words.put(Texts.fold(value.name().replace('_', ' ')), value);
            for (Locale locale : LOCALES) {
                words.put(Texts.fold(messages.getMessage(prefix + value.name(), null, value.name(), locale)), value);
                String aliases = messages.getMessage(prefix + value.name() + ".aliases", null, "", locale);
                for (String alias : aliases.split(",")) {
                    if (!alias.isBlank()) {
                        words.put(Texts.fold(alias), value);
                    }
                }
            }
        }
        return Map.copyOf(words);
    }
}
