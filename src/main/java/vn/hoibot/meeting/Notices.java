package vn.hoibot.meeting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.BroadcastKind;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.NewBroadcast.Recipient;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.Messages;
import vn.hoibot.member.Accounts.MemberChat;

/**
 * Tells members about an activity, always through the broadcast {@link Outbox}: the announcement and reminders
 * (with RSVP buttons), and change or cancellation notices to those who were told before. Remembers whom it
 * told.
 */
@Component
class Notices {

    enum Kind {
        ANNOUNCEMENT("meeting.notice.announcement", true, BroadcastKind.NOTICE),
        REMINDER("meeting.notice.reminder", true, BroadcastKind.REMINDER),
        CHANGED("meeting.notice.changed", true, BroadcastKind.NOTICE),
        CANCELLED("meeting.notice.cancelled", false, BroadcastKind.NOTICE);

        final String key;
        final boolean rsvp;
        final BroadcastKind broadcastKind;

        Kind(String key, boolean rsvp, BroadcastKind broadcastKind) {
            this.key = key;
            this.rsvp = rsvp;
            this.broadcastKind = broadcastKind;
        }
    }

    private static final List<Locale> LOCALES = List.of(Messages.VIETNAMESE, Messages.ENGLISH);

    private final Outbox outbox;
    private final ButtonTokens tokens;
    private final MeetingTexts texts;
    private final Invitees invitees;
    private final JdbcTemplate jdbc;

    Notices(Outbox outbox, ButtonTokens tokens, MeetingTexts texts, Invitees invitees, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.texts = texts;
        this.invitees = invitees;
        this.jdbc = jdbc;
    }

    /** Sends to every invited member with a linked account; returns the first broadcast id, if any was sent. */
    Optional<Long> toInvitees(Activity activity, Kind kind, Long sender) {
        // the leader who announces it is not asked her own question
        List<Long> members = invitees.of(activity).stream().map(m -> m.id())
                .filter(m -> kind != Kind.ANNOUNCEMENT || !m.equals(sender)).toList();
        return send(activity, kind, sender, members, true, null);
    }

    /** Sends to the members told about it before (a change or cancellation): each of them once. */
    Optional<Long> toNotified(Activity activity, Kind kind, Long sender, ActivityView before) {
        List<Long> told = jdbc.queryForList("select member_id from activity_notified where activity_id = ?",
                Long.class, activity.id());
        return send(activity, kind, sender, told, false, before);
    }

    /** {@code before}: the activity as it was, so a change notice says old → new. */
    private Optional<Long> send(Activity activity, Kind kind, Long sender, Collection<Long> members,
            boolean remember, ActivityView before) {
        Map<String, List<MemberChat>> byChannel = new LinkedHashMap<>();
        for (MemberChat chat : invitees.chats(members)) {
            byChannel.computeIfAbsent(chat.channel(), c -> new ArrayList<>()).add(chat);
        }
        Long first = null;
        for (var entry : byChannel.entrySet()) {
            Map<String, Content> variants = new LinkedHashMap<>();
            for (Locale locale : LOCALES) {
                String body = texts.get(locale, kind.key, texts.describe(activity.view(), locale),
                        before == null ? "" : texts.changes(before, activity.view(), locale));
                variants.put(locale.getLanguage(), new Content(body, kind.rsvp ? rsvpButtons(activity, entry.getKey(),
                        locale) : List.of()));
            }
            List<Recipient> recipients = entry.getValue().stream().map(c -> Recipient.member(c.channel(), c.chatId(),
                    c.memberId(), Messages.supported(c.locale()).getLanguage())).toList();
            long id = outbox.enqueue(new NewBroadcast(kind.broadcastKind, sender, "activity #" + activity.id(),
                    activity.unitId(), false,
                    variants, null, recipients, null, null));
            first = first == null ? id : first;
            if (remember) {
                remember(activity.id(), entry.getValue());
            }
        }
        return Optional.ofNullable(first);
    }

    private List<List<ButtonSpec>> rsvpButtons(Activity activity, String channel, Locale locale) {
        List<ButtonSpec> row = new ArrayList<>();
        for (Rsvp answer : Rsvp.values()) {
            String key = tokens.issue(channel, null, RsvpButton.ACTION, new RsvpButton.Choice(activity.id(), answer));
            row.add(new ButtonSpec(ButtonSpec.Type.ACTION, texts.get(locale, answer.labelKey()), key));
        }
        return List.of(row);
    }

    private void remember(long activityId, List<MemberChat> chats) {
        List<Object[]> rows = chats.stream().map(MemberChat::memberId).distinct()
                .map(m -> new Object[] { activityId, m, activityId, m }).toList();
        jdbc.batchUpdate("""
                insert into activity_notified (activity_id, member_id) select ?, ?
                where not exists (select 1 from activity_notified where activity_id = ? and member_id = ?)""", rows);
    }
}
