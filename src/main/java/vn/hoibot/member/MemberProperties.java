package vn.hoibot.member;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@code member} module ({@code hoibot.member}). {@code admins}: channel user ids (e.g. Telegram
 * user ids) of the first administrators, who may import rosters and assign roles before anyone holds a role.
 */
@ConfigurationProperties("hoibot.member")
public record MemberProperties(List<String> admins) {

    public MemberProperties {
        admins = admins == null ? List.of() : List.copyOf(admins);
    }
}
