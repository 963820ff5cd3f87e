package vn.hoibot.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.DialogSessions;
import vn.hoibot.chat.Sender;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;

/**
 * Consent, linking a chat account to the roster, invites and join requests, and erasure: the member side of
 * onboarding. Nothing personal is stored before consent.
 */
@Service
public class Onboarding {

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

    /** A pending join request as approvers see it. */
    public record JoinRequestView(long id, String fullName, String phone, long unitId, Long inviterMemberId,
            String channel, String chatId, String language) {
    }

    /** Consent as recorded. */
    public record ConsentView(String noticeVersion, Instant givenAt) {
    }

    private final ConsentRepository consents;
    private final AccountRepository accounts;
    private final InviteRepository invites;
    private final JoinRequestRepository requests;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final AccessPolicy policy;
    private final vn.hoibot.org.OrgService org;
    private final DialogSessions sessions;
    private final ButtonTokens tokens;
    private final OnboardingProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Onboarding(ConsentRepository consents, AccountRepository accounts, InviteRepository invites,
            JoinRequestRepository requests, MemberDirectory directory, RoleAssignments roles, AccessPolicy policy,
            vn.hoibot.org.OrgService org, DialogSessions sessions, ButtonTokens tokens,
            OnboardingProperties properties, Clock clock) {
        this.consents = consents;
        this.accounts = accounts;
        this.invites = invites;
        this.requests = requests;
        this.directory = directory;
        this.roles = roles;
        this.policy = policy;
        this.org = org;
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

    /** Links her account by the phone number she shared; asks to join when the number is not on the roster. */
    @Transactional
    public LinkResult linkByPhone(Sender sender, String phone, String fullName, String inviteCode) {
        if (consentOf(sender).isEmpty()) {
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
        requests.pendingOf(sender.channel(), sender.userId()).forEach(r -> r.reject(null, clock.instant()));
        JoinRequest request = requests.save(new JoinRequest(sender.channel(), sender.userId(), sender.chatId(),
                sender.locale().getLanguage(), fullName, normalised, invite.get().unitId(),
                invite.get().inviterMemberId(), clock.instant()));
        return new Requested(request.id(), request.unitId(), approvers(request.unitId()));
    }

    /** Links the console (acting as a roster member) to her; the console is a trying-out tool. */
    @Transactional
    public void linkOnConsole(Sender sender, long memberId) {
        if (!"console".equals(sender.channel())) {
            throw new IllegalArgumentException("only the console links without a shared contact");
        }
        link(sender, memberId);
    }

    void link(Sender sender, long memberId) {
        Instant now = clock.instant();
        Account account = accounts.findByChannelAndUserId(sender.channel(), sender.userId())
                .orElseGet(() -> new Account(memberId, sender.channel(), sender.userId(), sender.chatId(),
                        sender.locale().getLanguage(), now));
        account.relink(memberId, sender.chatId(), sender.locale().getLanguage(), now);
        accounts.save(account);
    }

    /** Members who may approve joining this unit: the nearest unit up the tree that has any. */
    List<Long> approvers(long unitId) {
        LocalDate today = LocalDate.now(clock);
        for (long candidate : unitAndAncestors(unitId, today)) {
            List<Long> found = new java.util.ArrayList<>();
            for (Role role : Role.values()) {
                if (role.atLeast(Permission.APPROVE_JOIN.lowestRole()) && role != Role.ADMIN) {
                    found.addAll(roles.holders(role, candidate));
                }
            }
            if (!found.isEmpty()) {
                return found.stream().distinct().toList();
            }
        }
        return List.of();
    }

    private List<Long> unitAndAncestors(long unitId, LocalDate today) {
        List<Long> ids = new java.util.ArrayList<>();
        ids.add(unitId);
        org.ancestors(unitId, today).forEach(u -> ids.add(u.id()));
        return ids;
    }

    @Transactional(readOnly = true)
    public Optional<JoinRequestView> request(long requestId) {
        return requests.findById(requestId).map(Onboarding::view);
    }

    /** Approves a join request: she becomes a member of the unit, recruited by whoever invited her. */
    @Transactional
    public MemberView approve(long requestId, Actor approver) {
        JoinRequest request = requests.findById(requestId)
                .orElseThrow(() -> new UserFacingException("member.join.not_found"));
        policy.require(approver, Permission.APPROVE_JOIN, request.unitId());
        MemberView member = directory.findByPhone(request.phone()).orElseGet(() -> directory.create(new NewMember(
                request.fullName(), request.phone(), null, false, false, LocalDate.now(clock), request.unitId(),
                Set.of(), request.inviterMemberId())));
        request.approve(approver.memberId(), member.id(), clock.instant()); // null: an admin from configuration
        Account account = accounts.findByChannelAndUserId(request.channel(), request.userId())
                .orElseGet(() -> new Account(member.id(), request.channel(), request.userId(), request.chatId(),
                        request.language(), clock.instant()));
        account.relink(member.id(), request.chatId(), request.language(), clock.instant());
        accounts.save(account);
        return member;
    }

    @Transactional
    public JoinRequestView reject(long requestId, Actor approver) {
        JoinRequest request = requests.findById(requestId)
                .orElseThrow(() -> new UserFacingException("member.join.not_found"));
        policy.require(approver, Permission.APPROVE_JOIN, request.unitId());
        request.reject(approver.memberId(), clock.instant());
        return view(request);
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

    /**
     * Deletes her personal data: the roster entry is erased (anonymous counts stay), accounts unlinked, consent
     * marked withdrawn, dialogs and buttons forgotten.
     */
    @Transactional
    public void erase(Sender sender) {
        Optional<Account> account = accounts.findByChannelAndUserId(sender.channel(), sender.userId());
        if (account.isPresent()) {
            long memberId = account.get().memberId();
            directory.erasePersonalData(memberId);
            for (Account linked : accounts.findByMemberId(memberId)) {
                withdraw(linked.channel(), linked.userId());
                accounts.delete(linked);
            }
        }
        withdraw(sender.channel(), sender.userId());
        requests.pendingOf(sender.channel(), sender.userId()).forEach(r -> r.reject(null, clock.instant()));
    }

    private void withdraw(String channel, String userId) {
        consents.history(channel, userId).forEach(c -> c.withdraw(clock.instant()));
        sessions.forget(channel, userId);
        tokens.forget(channel, userId);
    }

    private String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    private static JoinRequestView view(JoinRequest r) {
        return new JoinRequestView(r.id(), r.fullName(), r.phone(), r.unitId(), r.inviterMemberId(), r.channel(),
                r.chatId(), r.language());
    }
}
