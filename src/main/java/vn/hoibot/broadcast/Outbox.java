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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.UserFacingException;

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

    /** Buttons kept on the progress message while it sends (e.g. a stop button whose key names the broadcast). */
    @Transactional
    public void keepOnProgress(long id, List<List<Button>> buttons) {
        broadcasts.setProgressButtons(id, ButtonSpecs.encodeButtons(buttons));
    }

    private void validate(NewBroadcast b) {
        if (b.recipients().isEmpty()) {
            throw new UserFacingException("broadcast.audience.empty");
        }
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
