package vn.hoibot.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.BroadcastKind;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.chat.ButtonTokens;
import vn.hoibot.chat.Messages;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Selection;

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

    private final Accounts accounts;
    private final NamedParameterJdbcTemplate named;

    Notices(Outbox outbox, ButtonTokens tokens, MeetingTexts texts, Invitees invitees, Accounts accounts,
            NamedParameterJdbcTemplate named) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.texts = texts;
        this.invitees = invitees;
        this.accounts = accounts;
        this.named = named;
    }

    /** Sends to every invited member with a linked account; returns the first broadcast id, if any was sent. */
    Optional<Long> toInvitees(Activity activity, Kind kind, Long sender) {
        // the leader who announces it is not asked her own question
        Selection members = invitees.selection(activity);
        if (kind == Kind.ANNOUNCEMENT && sender != null) {
            members = members.where("s.member_id <> :nsender", Map.of("nsender", sender));
        }
        return send(activity, kind, sender, members, true, null);
    }

    /** Sends to the members told about it before (a change or cancellation): each of them once. */
    Optional<Long> toNotified(Activity activity, Kind kind, Long sender, ActivityView before) {
        Selection told = new Selection("""
                select n.member_id from activity_notified n join member m on m.id = n.member_id
                 where n.activity_id = :nactivity and m.status = 'ACTIVE' and m.restricted_at is null""",
                Map.of("nactivity", activity.id()));
        return send(activity, kind, sender, told, false, before);
    }

    /**
     * One broadcast per channel (the RSVP keys are per channel), its rows copied from the database by the outbox:
     * a few statements, however many members are invited. A reminder is one broadcast per channel and answer, so
     * each member reads the answer she gave ({@code Chị đã báo: Tham gia}) with the buttons to change it, hers
     * ticked. {@code before}: the activity as it was, so a change notice says old → new.
     */
    private Optional<Long> send(Activity activity, Kind kind, Long sender, Selection members, boolean remember,
            ActivityView before) {
        Selection chats = accounts.chatsOf(members);
        Long first = null;
        for (Map<String, Object> group : groups(activity, kind, chats)) {
            String channel = (String) group.get("channel");
            String answerName = (String) group.get("answer");
            Rsvp answer = answerName == null ? null : Rsvp.valueOf(answerName);
            Map<String, Content> variants = new LinkedHashMap<>();
            for (Locale locale : LOCALES) {
                String body = texts.get(locale, kind.key, texts.describe(activity.view(), locale),
                        before == null ? "" : texts.changes(before, activity.view(), locale),
                        texts.get(locale, "meeting.reminder.state." + (answer == null ? "none"
                                : answer.name().toLowerCase(Locale.ROOT))));
                variants.put(locale.getLanguage(), new Content(body, kind.rsvp ? rsvpButtons(activity, channel,
                        locale, answer) : List.of()));
            }
            Selection onChannel = chats.where("s.channel = :nchannel", Map.of("nchannel", channel));
            if (kind == Kind.REMINDER) {
                onChannel = answer == null
                        ? onChannel.where(NOT_ANSWERED, Map.of("nrsvpof", activity.id()))
                        : onChannel.where(ANSWERED_WITH, Map.of("nrsvpof", activity.id(), "nanswer", answer.name()));
            }
            long id = outbox.enqueue(new NewBroadcast(kind.broadcastKind, sender, audience(activity), activity.unitId(),
                    false, variants, null, List.of(), null, null), onChannel, null);
            first = first == null ? id : first;
            if (remember) {
                named.update("""
                        insert into activity_notified (activity_id, member_id)
                        select distinct :nactivity, s.member_id from (%s) s
                         where not exists (select 1 from activity_notified n
                                            where n.activity_id = :nactivity and n.member_id = s.member_id)"""
                        .formatted(onChannel.sql()), onChannel.paramsWith(Map.of("nactivity", activity.id())));
            }
        }
        return Optional.ofNullable(first);
    }

    private static final String NOT_ANSWERED = """
            not exists (select 1 from activity_rsvp r where r.activity_id = :nrsvpof and r.member_id = s.member_id)""";
    private static final String ANSWERED_WITH = """
            exists (select 1 from activity_rsvp r where r.activity_id = :nrsvpof and r.member_id = s.member_id
                     and r.answer = :nanswer)""";

    /** The channels to send on and, for a reminder, the answers given there: one broadcast each, none empty. */
    private List<Map<String, Object>> groups(Activity activity, Kind kind, Selection chats) {
        if (kind != Kind.REMINDER) {
            return named.queryForList("select distinct channel, cast(null as varchar(8)) as answer from (" + chats.sql()
                    + ") c", chats.params());
        }
        return named.queryForList("""
                select distinct c.channel, r.answer from (%s) c
                  left join activity_rsvp r on r.activity_id = :nrsvpof and r.member_id = c.member_id"""
                .formatted(chats.sql()), chats.paramsWith(Map.of("nrsvpof", activity.id())));
    }

    /** How reports name the audience: the activity, as people read it. */
    private String audience(Activity activity) {
        return texts.get(Messages.VIETNAMESE, "meeting.notice.audience", activity.title(),
                texts.dayTime(activity.startsAt(), Messages.VIETNAMESE));
    }

    private List<List<ButtonSpec>> rsvpButtons(Activity activity, String channel, Locale locale, Rsvp current) {
        List<ButtonSpec> row = new ArrayList<>();
        for (Rsvp answer : Rsvp.values()) {
            String key = tokens.issue(channel, null, RsvpButton.ACTION, new RsvpButton.Choice(activity.id(), answer));
            row.add(new ButtonSpec(ButtonSpec.Type.ACTION, (answer == current ? "✓ " : "")
                    + texts.get(locale, answer.labelKey()), key));
        }
        return List.of(row);
    }
}
