package vn.hoibot.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Sender;
import vn.hoibot.chat.UserFacingException;

/**
 * The right to erasure: {@code /xoadulieu}. The member module erases what it holds (her roster entry, accounts,
 * consents, join requests, dialogs and buttons) and publishes {@link MemberErased} so every other module erases
 * its own; a tombstone (a hash of her normalised phone, nothing else) keeps a roster import from bringing her
 * back until an admin restores her ({@link #restore}).
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    private final AccountRepository accounts;
    private final MemberRepository members;
    private final MemberDirectory directory;
    private final Consents consents;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final vn.hoibot.chat.Inbox inbox;

    Erasure(AccountRepository accounts, MemberRepository members, MemberDirectory directory, Consents consents,
            JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock, vn.hoibot.chat.Inbox inbox) {
        this.inbox = inbox;
        this.accounts = accounts;
        this.members = members;
        this.directory = directory;
        this.consents = consents;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Erases the person writing: her member record if she is linked, and whatever the bot holds of her chat. */
    @Transactional
    public void erase(Sender sender) {
        Optional<Account> account = accounts.findByChannelAndUserId(sender.channel(), sender.userId());
        Set<MemberErased.Chat> chats = new LinkedHashSet<>();
        chats.add(new MemberErased.Chat(sender.channel(), sender.userId(), sender.chatId()));
        Long memberId = account.map(Account::memberId).orElse(null);
        String phone = null;
        if (memberId != null) {
            for (Account linked : accounts.findByMemberId(memberId)) {
                chats.add(new MemberErased.Chat(linked.channel(), linked.userId(), linked.chatId()));
            }
            phone = members.findById(memberId).map(Member::phone).orElse(null);
        }
        eraseAll(memberId, phone, List.copyOf(chats));
    }

    /** Erases a member by id (an admin acting on her written request). */
    @Transactional
    public void eraseMember(long memberId) {
        Member member = members.findById(memberId)
                .orElseThrow(() -> new UserFacingException("member.not-found", memberId));
        List<MemberErased.Chat> chats = new ArrayList<>();
        for (Account linked : accounts.findByMemberId(memberId)) {
            chats.add(new MemberErased.Chat(linked.channel(), linked.userId(), linked.chatId()));
        }
        eraseAll(memberId, member.phone(), chats);
    }

    private void eraseAll(Long memberId, String phone, List<MemberErased.Chat> chats) {
        if (phone != null) {
            jdbc.update("""
                    insert into erased_phone (phone_hash, erased_at) select ?, ?
                     where not exists (select 1 from erased_phone where phone_hash = ?)""", hash(phone),
                    java.sql.Timestamp.from(clock.instant()), hash(phone));
        }
        for (MemberErased.Chat chat : chats) {
            consents.forget(chat.channel(), chat.userId());
            inbox.forgetChat(chat.channel(), chat.chatId()); // raw updates she sent, kept by the chat core
            jdbc.update("delete from join_request where channel = ? and (user_id = ? or chat_id = ?)", chat.channel(),
                    chat.userId(), chat.chatId());
        }
        if (phone != null) {
            jdbc.update("delete from join_request where phone = ?", phone);
        }
        if (memberId != null) {
            // a request that made her a member, or one she was asked to decide: her id goes, the rest is hers or theirs
            jdbc.update("delete from join_request where member_id = ?", memberId);
            jdbc.update("update join_request set decided_by_member_id = null where decided_by_member_id = ?", memberId);
            accounts.deleteAll(accounts.findByMemberId(memberId));
            accounts.flush();
            directory.erasePersonalData(memberId);
        }
        events.publishEvent(new MemberErased(memberId, chats));
        log.info("Personal data erased (member {}, {} chats)", memberId, chats.size());
    }

    /** Whether a roster import must skip this phone (normalised, E.164): she was erased and not restored. */
    @Transactional(readOnly = true)
    public boolean isErased(String normalisedPhone) {
        Integer n = jdbc.queryForObject("select count(*) from erased_phone where phone_hash = ?", Integer.class,
                hash(normalisedPhone));
        return n != null && n > 0;
    }

    /** The hashes of every erased phone (few: one per erasure), for an import to check its rows against. */
    @Transactional(readOnly = true)
    public Set<String> tombstones() {
        return Set.copyOf(jdbc.queryForList("select phone_hash from erased_phone", String.class));
    }

    /** An admin lets a roster import bring her back; false when the phone was not erased. */
    @Transactional
    public boolean restore(String phone) {
        String normalised = PhoneNumbers.normalise(phone)
                .orElseThrow(() -> new UserFacingException("member.phone.invalid"));
        boolean restored = jdbc.update("delete from erased_phone where phone_hash = ?", hash(normalised)) == 1;
        log.info("Erasure tombstone {}", restored ? "removed by an admin" : "not found");
        return restored;
    }

    static String hash(String normalisedPhone) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(("hoibot-erased:" + normalisedPhone)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
