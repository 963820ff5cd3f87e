package vn.hoibot.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Onboarding settings ({@code hoibot.member.*}, beside {@link MemberProperties}).
 *
 * @param noticeVersion version of the privacy notice shown at /start; recorded with each consent
 * @param inviteTtl     how long an invite link stays valid
 */
@Validated
@ConfigurationProperties("hoibot.member")
public record OnboardingProperties(@DefaultValue("2026-01") @NotBlank String noticeVersion,
        @DefaultValue("30d") Duration inviteTtl) {
}
