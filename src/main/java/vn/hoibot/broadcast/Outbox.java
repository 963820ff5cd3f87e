package vn.hoibot.broadcast;

import static vn.hoibot.broadcast.OutboxStore.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Selection;

/**
 * The one way to send to many: stores a broadcast and a row per recipient in one transaction; the
 * {@link OutboxDispatcher} sends them under the channel's limits. Meeting reminders and survey invitations call
 * this too.
 */
@Service
public class Outbox {

    /** Telegram's limits, in UTF-16 units. */
    public static final int MAX_TEXT = 4096;
    public static final int MAX_CAPTION = 1024;

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int INSERT_BATCH = 1000;

    private final BroadcastStore broadcasts;
    private final JdbcTemplate jdbc;
    private final Reachability reachability;
    private final BroadcastSchedule schedule;
    private final Clock clock;

    Outbox(BroadcastStore broadcasts, JdbcTemplate jdbc, Reachability reachability, BroadcastSchedule schedule,
            Clock clock) {
        this.broadcasts = broadcasts;
        this.jdbc = jdbc;
        this.reachability = reachability;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Stores the broadcast and all its recipient rows in one transaction and returns its id. Recipients known to
     * be unreachable are stored as such and not sent to.
     *
     * @throws UserFacingException {@code broadcast.text.empty}, {@code broadcast.text.too_long},
     *                             {@code broadcast.caption.too_long}, {@code broadcast.audience.empty}
     */
    @Transactional
    public long enqueue(NewBroadcast broadcast) {
        validate(broadcast);
        Instant now = clock.instant();
        boolean later = broadcast.scheduledAt() != null && broadcast.scheduledAt().isAfter(now);
        long id = broadcasts.insert(broadcast, later ? BroadcastStatus.SCHEDULED : BroadcastStatus.SENDING, now);
        // a scheduled broadcast's rows are due at its time, so no dispatcher poll looks at them before
        insertRecipients(id, broadcast.recipients(), later ? broadcast.scheduledAt() : now);
        if (later) {
            schedule.startAt(id, broadcast.scheduledAt());
        }
        log.info("Broadcast {} ({}) queued for {} recipients{}", id, broadcast.kind(), broadcast.recipients().size(),
                later ? ", scheduled" : "");
        return id;
    }

    /**
     * Stores the broadcast with its recipients computed by the database: the member chats of {@code memberChats}
     * (columns {@code member_id, channel, chat_id, language}, see {@code Accounts.chatsOf}) and the group chats of
     * {@code groupChats} (columns {@code channel, chat_id}; null for none), besides any in the broadcast's own list.
     * One {@code insert ... select} each, so the number of statements does not grow with the audience. A member's
     * variant is {@code en} for an English account when the broadcast has one, else {@code vi} (or its only one).
     *
     * @throws UserFacingException as {@link #enqueue(NewBroadcast)}; {@code broadcast.audience.empty} when no row
     *                             was stored
     */
    @Transactional
    public long enqueue(NewBroadcast broadcast, Selection memberChats, Selection groupChats) {
        return enqueue(broadcast, memberChats, groupChats, false);
    }

    /**
     * As {@link #enqueue(NewBroadcast, Selection, Selection)} to send now, but held until
     * {@link Broadcasts#start(long)} releases it: the caller first tells the leader (broadcast.compose.queued), so no send of this
     * broadcast (and no flood control it meets) comes before that. Should the release never come (a crash between
     * the two), Quartz starts it after {@link #HOLD}.
     */
    @Transactional
    public long enqueueHeld(NewBroadcast broadcast, Selection memberChats, Selection groupChats) {
        return enqueue(broadcast.scheduledFor(null), memberChats, groupChats, true);
    }

    /** How long a held broadcast waits for its release before Quartz starts it anyway. */
    static final java.time.Duration HOLD = java.time.Duration.ofMinutes(1);

    private long enqueue(NewBroadcast broadcast, Selection memberChats, Selection groupChats, boolean held) {
        validateContent(broadcast);
        Instant now = clock.instant();
        boolean later = broadcast.scheduledAt() != null && broadcast.scheduledAt().isAfter(now);
        long id = broadcasts.insert(broadcast, later || held ? BroadcastStatus.SCHEDULED : BroadcastStatus.SENDING, now);
        Instant due = later ? broadcast.scheduledAt() : now; // a scheduled row is not due before its time
        insertRecipients(id, broadcast.recipients(), due);
        String fallback = broadcast.variants().containsKey("vi") ? "vi"
                : broadcast.variants().keySet().iterator().next();
        String variant = broadcast.variants().containsKey("en") && broadcast.variants().containsKey("vi")
                ? "case when lower(c.language) like 'en%' then 'en' else 'vi' end" : ":fallback";
        Map<String, Object> ours = Map.of("obid", id, "onow", ts(due), "fallback", fallback);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        if (memberChats != null) {
            named.update("""
                    insert into outbox (broadcast_id, channel, chat_id, member_id, is_group, variant, personal_text,
                      status, next_attempt_at, last_error)
                    select :obid, c.channel, c.chat_id, c.member_id, false, %s, null,
                           case when u.chat_id is null then 'PENDING' else 'UNREACHABLE' end, :onow,
                           case when u.chat_id is null then null else 'SKIPPED_UNREACHABLE' end
                      from (%s) c left join unreachable_chat u on u.channel = c.channel and u.chat_id = c.chat_id
                    """.formatted(variant, memberChats.sql()) + (broadcast.recipients().isEmpty() ? "" : """
                     where not exists (select 1 from outbox o where o.broadcast_id = :obid and o.channel = c.channel
                                         and o.chat_id = c.chat_id)"""),
                    memberChats.paramsWith(ours));
        }
        if (groupChats != null) {
            named.update("""
                    insert into outbox (broadcast_id, channel, chat_id, member_id, is_group, variant, personal_text,
                      status, next_attempt_at, last_error)
                    select :obid, c.channel, c.chat_id, null, true, :fallback, null,
                           case when u.chat_id is null then 'PENDING' else 'UNREACHABLE' end, :onow,
                           case when u.chat_id is null then null else 'SKIPPED_UNREACHABLE' end
                      from (%s) c left join unreachable_chat u on u.channel = c.channel and u.chat_id = c.chat_id
                     where not exists (select 1 from outbox o where o.broadcast_id = :obid and o.channel = c.channel
                                         and o.chat_id = c.chat_id)""".formatted(groupChats.sql()),
                    groupChats.paramsWith(ours));
        }
        jdbc.update("update broadcast set total_count = (select count(*) from outbox where broadcast_id = ?) "
                + "where id = ?", id, id);
        Integer total = jdbc.queryForObject("select total_count from broadcast where id = ?", Integer.class, id);
        if (total == null || total == 0) {
            throw new UserFacingException("broadcast.audience.empty");
        }
        if (later) {
            schedule.startAt(id, broadcast.scheduledAt());
        } else if (held) {
            schedule.startAt(id, now.plus(HOLD));
        }
        log.info("Broadcast {} ({}) queued for {} recipients{}", id, broadcast.kind(), total,
                later ? ", scheduled" : held ? ", held" : "");
        return id;
    }

    /** How many recipient rows a broadcast has. */
    @Transactional(readOnly = true)
    public int total(long id) {
        Integer n = jdbc.queryForObject("select total_count from broadcast where id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    /** Buttons kept on the progress message while it sends (e.g. a stop button whose key names the broadcast). */
    @Transactional
    public void keepOnProgress(long id, List<List<Button>> buttons) {
        broadcasts.setProgressButtons(id, ButtonSpecs.encodeButtons(buttons));
    }

    private void validate(NewBroadcast b) {
        if (b.recipients().isEmpty()) {
            throw new UserFacingException("broadcast.audience.empty");
        }
        validateContent(b);
    }

    private void validateContent(NewBroadcast b) {
        int limit = b.attachment() == null ? MAX_TEXT : MAX_CAPTION;
        String limitKey = b.attachment() == null ? "broadcast.text.too_long" : "broadcast.caption.too_long";
        if (b.variants().isEmpty()) {
            throw new UserFacingException("broadcast.text.empty");
        }
        for (NewBroadcast.Content content : b.variants().values()) {
            checkText(content.text(), b.attachment() != null, limit, limitKey);
        }
        for (Recipient r : b.recipients()) {
            if (r.personalText() != null) {
                checkText(r.personalText(), b.attachment() != null, limit, limitKey);
            }
            if (!b.variants().containsKey(r.variant())) {
                throw new IllegalArgumentException("No variant " + r.variant() + " for a recipient");
            }
        }
        if (b.attachment() != null && b.attachment().fileRef() == null) {
            throw new IllegalArgumentException("A broadcast attachment must be a file the channel already holds");
        }
    }

    private static void checkText(String text, boolean captionAllowedEmpty, int limit, String limitKey) {
        if ((text == null || text.isBlank()) && !captionAllowedEmpty) {
            throw new UserFacingException("broadcast.text.empty");
        }
        if (text != null && text.length() > limit) {
            throw new UserFacingException(limitKey, text.length(), limit);
        }
    }

    private void insertRecipients(long id, List<Recipient> recipients, Instant now) {
        Map<String, Set<String>> unreachable = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(Math.min(recipients.size(), INSERT_BATCH));
        for (Recipient r : recipients) {
            boolean skip = unreachable.computeIfAbsent(r.channel(), reachability::unreachableChats)
                    .contains(r.chatId());
            rows.add(new Object[] { id, r.channel(), r.chatId(), r.memberId(), r.group(), r.variant(),
                    r.personalText(), skip ? DeliveryStatus.UNREACHABLE.name() : DeliveryStatus.PENDING.name(),
                    ts(now), skip ? "SKIPPED_UNREACHABLE" : null });
            if (rows.size() == INSERT_BATCH) {
                insert(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            insert(rows);
        }
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into outbox (broadcast_id, channel, chat_id, member_id, is_group, variant, personal_text,
                  status, next_attempt_at, last_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
}
