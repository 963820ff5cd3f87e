package vn.hoibot.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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

/** Messages about a run to its invitees (invitations, reminders), each with its {@code Bắt đầu} button, via the outbox. */
@Component
class RunMessages {

    private static final List<Locale> LOCALES = List.of(Messages.VIETNAMESE, Messages.ENGLISH);

    private final Outbox outbox;
    private final ButtonTokens tokens;
    private final Messages messages;

    RunMessages(Outbox outbox, ButtonTokens tokens, Messages messages) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.messages = messages;
    }

    /**
     * Queues a message about the run with its {@code Bắt đầu} button to these chats, one broadcast per channel (the
     * button key is per channel), for {@code at} (null: now): the invitation, or a reminder.
     */
    void enqueue(long runId, List<MemberChat> chats, Function<Locale, String> text, Instant at, Long by, long unitId) {
        Map<String, List<MemberChat>> byChannel = new LinkedHashMap<>();
        for (MemberChat chat : chats) {
            byChannel.computeIfAbsent(chat.channel(), c -> new ArrayList<>()).add(chat);
        }
        for (var entry : byChannel.entrySet()) {
            String key = tokens.issue(entry.getKey(), null, StartButton.ACTION, new StartButton.Run(runId));
            Map<String, Content> variants = new LinkedHashMap<>();
            for (Locale locale : LOCALES) {
                variants.put(locale.getLanguage(), new Content(text.apply(locale), List.of(List.of(
                        new ButtonSpec(ButtonSpec.Type.ACTION, messages.get(locale, "survey.button.start"), key)))));
            }
            List<Recipient> recipients = entry.getValue().stream().map(c -> Recipient.member(c.channel(), c.chatId(),
                    c.memberId(), Messages.supported(c.locale()).getLanguage())).toList();
            NewBroadcast broadcast = new NewBroadcast(BroadcastKind.SURVEY, by, "survey run #" + runId, unitId, false,
                    variants, null, recipients, null, null);
            outbox.enqueue(at == null ? broadcast : broadcast.scheduledFor(at));
        }
    }
}
