package vn.hoibot.member;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Member and onboarding settings ({@code hoibot.member.*}).
 *
 * @param noticeVersion version of the privacy notice shown at /start; recorded with each consent
 * @param inviteTtl     how long an invite link stays valid
 * @param admins        the first admins: their Telegram user ids (HOIBOT_ADMINS, comma separated)
 */
@Validated
@ConfigurationProperties("hoibot.member")
public record OnboardingProperties(@DefaultValue("2026-01") @NotBlank String noticeVersion,
        @DefaultValue("30d") Duration inviteTtl, @DefaultValue("") List<String> admins) {
}
