package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.org.UnitTreeSql;

/** Who is who on the chat channels: accounts linked to members, admins from configuration, bound group chats. */
@Service
public class Accounts {

    /** Where a member can be reached. */
    public record MemberChat(long memberId, String channel, String userId, String chatId, Locale locale) {
    }

    /** A group chat bound to a unit. */
    public record GroupChat(String channel, String chatId, long unitId) {
    }

    private final AccountRepository accounts;
    private final GroupBindingRepository groups;
    private final MembershipRepository memberships;
    private final AccessPolicy policy;
    private final MemberProperties properties;
    private final Clock clock;

    Accounts(AccountRepository accounts, GroupBindingRepository groups, MembershipRepository memberships,
            AccessPolicy policy, MemberProperties properties, Clock clock) {
        this.accounts = accounts;
        this.groups = groups;
        this.memberships = memberships;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Long> memberFor(String channel, String userId) {
        return accounts.findByChannelAndUserId(channel, userId).map(Account::memberId);
    }

    /**
     * An admin from configuration: a Telegram user id in {@code hoibot.member.admins} (HOIBOT_ADMINS), or another
     * channel's id written {@code channel:id} there ({@code console:m12}); the console's own admin identity
     * ({@code /as admin}) is always one, since whoever types on the console runs the service.
     */
    public boolean isConfiguredAdmin(Sender sender) {
        if (sender.channel().equals("telegram")) {
            return properties.admins().contains(sender.userId());
        }
        return properties.admins().contains(sender.channel() + ":" + sender.userId())
                || (sender.channel().equals(CONSOLE) && sender.userId().equals(CONSOLE_ADMIN));
    }

    /** The console channel's name and its admin identity's user id. */
    public static final String CONSOLE = "console";
    public static final String CONSOLE_ADMIN = "admin";

    /** The person writing, with her roles; an admin from configuration need not be on the roster. */
    @Transactional(readOnly = true)
    public Actor actor(Sender sender) {
        Optional<Long> member = memberFor(sender.channel(), sender.userId());
        Actor actor = member.map(this::actorOf).orElse(new Actor(null, false, List.of()));
        return isConfiguredAdmin(sender) ? new Actor(actor.memberId(), true, actor.grants()) : actor;
    }

    /** The member with her roles and the grant on her own unit today. */
    @Transactional(readOnly = true)
    public Actor actorOf(long memberId) {
        Long ownUnit = memberships.ofMemberOn(memberId, LocalDate.now(clock)).map(Membership::unitId).orElse(null);
        return policy.actorFor(memberId, ownUnit);
    }

    @Transactional(readOnly = true)
    public List<MemberChat> chatsOf(Collection<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return accounts.findByMemberIds(memberIds).stream().map(a -> new MemberChat(a.memberId(), a.channel(),
                a.userId(), a.chatId(), Messages.fromLanguageCode(a.language()))).toList();
    }

    /**
     * The linked chats of the members a selection finds (it has a column {@code member_id}): columns
     * {@code member_id, channel, chat_id, language}, one row per chat (a chat two members share counts once, for
     * the first of them). Nothing is loaded: count it, or copy it with one {@code insert ... select}.
     */
    public Selection chatsOf(Selection members) {
        return new Selection("""
                select min(a.member_id) as member_id, a.channel, a.chat_id, min(a.language) as language
                  from member_account a join (%s) ms on ms.member_id = a.member_id
                 group by a.channel, a.chat_id""".formatted(members.sql()), members.params());
    }

    /** The group chats bound to units of the unit's subtree on the day: columns {@code channel, chat_id}. */
    public Selection groupChatsUnder(long unitId, LocalDate day) {
        return new Selection("select distinct g.channel, g.chat_id from group_binding g join "
                + UnitTreeSql.subtree("groots", "gday") + " gt on gt.id = g.unit_id",
                java.util.Map.of("groots", List.of(unitId), "gday", day));
    }

    @Transactional(readOnly = true)
    public List<GroupChat> groupChatsOf(Set<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return groups.findByUnitIds(unitIds).stream()
                .map(g -> new GroupChat(g.id().channel(), g.id().chatId(), g.unitId())).toList();
    }
}
