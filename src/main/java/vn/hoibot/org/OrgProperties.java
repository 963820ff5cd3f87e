package vn.hoibot.org;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code org} module ({@code hoibot.org}). Levels are listed from the top of the tree down; a level
 * marked {@code optional} may be skipped (a commune may hang directly under a province). Display names per language
 * may be given in {@code names}; otherwise the message {@code org.level.<code>} is used.
 */
@ConfigurationProperties("hoibot.org")
public record OrgProperties(List<Level> levels) {

    public static final List<Level> DEFAULT_LEVELS = List.of(
            new Level("province", Map.of(), false),
            new Level("district", Map.of(), true),
            new Level("commune", Map.of(), false),
            new Level("branch", Map.of(), false),
            new Level("group", Map.of(), false));

    public OrgProperties {
        levels = levels == null || levels.isEmpty() ? DEFAULT_LEVELS : List.copyOf(levels);
    }

    public record Level(String code, Map<String, String> names, boolean optional) {
        public Level {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a level needs a code");
            }
            names = names == null ? Map.of() : Map.copyOf(names);
        }
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
    }

    /** Position from the top (0 = root level), or -1 for an unknown level. */
    public int rank(String code) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equalsIgnoreCase(code)) {
                return i;
            }
        }
        return -1;
    }
}
