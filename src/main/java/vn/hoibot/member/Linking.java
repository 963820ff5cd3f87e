package vn.hoibot.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Sender;
import vn.hoibot.chat.UserFacingException;

/**
 * Linking a chat account to the roster by the phone she shares, and invite links: a number not on the roster with a
 * valid invite becomes a join request. Nothing personal is stored before consent.
 */
@Service
public class Linking {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    /** What linking by phone came to. */
    public sealed interface LinkResult {
    }

    public record Linked(MemberView member) implements LinkResult {
    }

    public record Requested(long requestId, long unitId, List<Long> approvers) implements LinkResult {
    }

    public record NotOnRoster() implements LinkResult {
    }

    private final Consents consents;
    private final AccountRepository accounts;
    private final InviteRepository invites;
    private final JoinRequests joinRequests;
    private final MemberDirectory directory;
    private final OnboardingProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Linking(Consents consents, AccountRepository accounts, InviteRepository invites, JoinRequests joinRequests,
            MemberDirectory directory, OnboardingProperties properties, Clock clock) {
        this.consents = consents;
        this.accounts = accounts;
        this.invites = invites;
        this.joinRequests = joinRequests;
        this.directory = directory;
        this.properties = properties;
        this.clock = clock;
    }

    /** Links her account by the phone number she shared; asks to join when the number is not on the roster. */
    @Transactional
    public LinkResult linkByPhone(Sender sender, String phone, String fullName, String inviteCode) {
        if (consents.consentOf(sender).isEmpty()) {
            throw new UserFacingException("member.consent.required");
        }
        String normalised = PhoneNumbers.normalise(phone).orElseThrow(() -> new UserFacingException("member.link.bad_phone"));
        Optional<MemberView> member = directory.findByPhone(normalised)
                .filter(m -> !"ERASED".equals(m.status()) && !"DECEASED".equals(m.status()));
        if (member.isPresent()) {
            link(sender, member.get().id());
            return new Linked(member.get());
        }
        Optional<Invite> invite = validInvite(inviteCode);
        if (invite.isEmpty()) {
            return new NotOnRoster();
        }
        return joinRequests.open(sender, fullName, normalised, invite.get());
    }

    /** Links the console (acting as a roster member) to her; the console is a trying-out tool. */
    @Transactional
    public void linkOnConsole(Sender sender, long memberId) {
        if (!"console".equals(sender.channel())) {
            throw new IllegalArgumentException("only the console links without a shared contact");
        }
        link(sender, memberId);
    }

    private void link(Sender sender, long memberId) {
        Instant now = clock.instant();
        Account account = accounts.findByChannelAndUserId(sender.channel(), sender.userId())
                .orElseGet(() -> new Account(memberId, sender.channel(), sender.userId(), sender.chatId(),
                        sender.locale().getLanguage(), now));
        account.relink(memberId, sender.chatId(), sender.locale().getLanguage(), now);
        accounts.save(account);
    }

    /** A new invite code for a unit; personal when {@code inviterMemberId} is set. */
    @Transactional
    public String createInvite(long unitId, Long inviterMemberId, Long createdBy) {
        String code = "i" + random(11);
        Instant now = clock.instant();
        invites.save(new Invite(code, unitId, inviterMemberId, createdBy, now, now.plus(properties.inviteTtl())));
        return code;
    }

    @Transactional(readOnly = true)
    public boolean isValidInvite(String code) {
        return validInvite(code).isPresent();
    }

    private Optional<Invite> validInvite(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return invites.findById(code).filter(i -> i.validAt(clock.instant()));
    }

    private String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
