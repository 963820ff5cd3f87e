package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.access.Role;
import vn.hoibot.access.RoleAssignments;
import vn.hoibot.chat.Sender;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;

/** Join requests of women not on the roster who came with an invite: the nearest leaders approve or reject. */
@Service
public class JoinRequests {

    /** A pending join request as approvers see it. */
    public record JoinRequestView(long id, String fullName, String phone, long unitId, Long inviterMemberId,
            String channel, String chatId, String language) {
    }

    private final JoinRequestRepository requests;
    private final AccountRepository accounts;
    private final MemberDirectory directory;
    private final RoleAssignments roles;
    private final AccessPolicy policy;
    private final OrgService org;
    private final Clock clock;

    JoinRequests(JoinRequestRepository requests, AccountRepository accounts, MemberDirectory directory,
            RoleAssignments roles, AccessPolicy policy, OrgService org, Clock clock) {
        this.requests = requests;
        this.accounts = accounts;
        this.directory = directory;
        this.roles = roles;
        this.policy = policy;
        this.org = org;
        this.clock = clock;
    }

    /** Replaces her pending requests with a new one for the invite's unit. */
    Linking.Requested open(Sender sender, String fullName, String phone, Invite invite) {
        requests.pendingOf(sender.channel(), sender.userId()).forEach(r -> r.reject(null, clock.instant()));
        JoinRequest request = requests.save(new JoinRequest(sender.channel(), sender.userId(), sender.chatId(),
                sender.locale().getLanguage(), fullName, phone, invite.unitId(), invite.inviterMemberId(),
                clock.instant()));
        return new Linking.Requested(request.id(), request.unitId(), approvers(request.unitId()));
    }

    /** Members who may approve joining this unit: the nearest unit up the tree that has any. */
    List<Long> approvers(long unitId) {
        LocalDate today = LocalDate.now(clock);
        for (long candidate : unitAndAncestors(unitId, today)) {
            List<Long> found = new ArrayList<>();
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
        List<Long> ids = new ArrayList<>();
        ids.add(unitId);
        org.ancestors(unitId, today).forEach(u -> ids.add(u.id()));
        return ids;
    }

    @Transactional(readOnly = true)
    public Optional<JoinRequestView> request(long requestId) {
        return requests.findById(requestId).map(JoinRequests::view);
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

    /** Rejects her pending requests (she erased her data). */
    void dropPendingOf(String channel, String userId) {
        requests.pendingOf(channel, userId).forEach(r -> r.reject(null, clock.instant()));
    }

    private static JoinRequestView view(JoinRequest r) {
        return new JoinRequestView(r.id(), r.fullName(), r.phone(), r.unitId(), r.inviterMemberId(), r.channel(),
                r.chatId(), r.language());
    }
}
