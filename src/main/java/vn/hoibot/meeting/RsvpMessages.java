package vn.hoibot.meeting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;

/**
 * An activity as one member sees it in her own chat: its description, her current answer ({@code ✓ Chị sẽ tham
 * gia}) and the three answer buttons, hers ticked, to change it. /lichhop shows it; a press on an answer button
 * edits the message it is under into it.
 */
@Component
public class RsvpMessages {

    private final Rsvps rsvps;
    private final MeetingTexts texts;

    RsvpMessages(Rsvps rsvps, MeetingTexts texts) {
        this.rsvps = rsvps;
        this.texts = texts;
    }

    /** Her view of the activity with her answer and the buttons to change it (keys bound to her). */
    public Outbound render(ChatContext ctx, ActivityView activity, long memberId) {
        return render(ctx, activity, rsvps.answerOf(activity.id(), memberId));
    }

    Outbound render(ChatContext ctx, ActivityView activity, Optional<Rsvp> answer) {
        String text = texts.describe(activity, ctx.locale()) + "\n\n" + stateLine(ctx.locale(), answer.orElse(null));
        return ctx.message("meeting.rsvp.view", text).withButtons(List.of(buttons(ctx, activity.id(), answer.orElse(null))));
    }

    /** {@code ✓ Chị sẽ tham gia.}, or the question when she has not answered. */
    public String stateLine(Locale locale, Rsvp answer) {
        return answer == null ? texts.get(locale, "meeting.rsvp.state.none")
                : texts.get(locale, "meeting.rsvp.state." + answer.name().toLowerCase(Locale.ROOT));
    }

    private List<Button> buttons(ChatContext ctx, long activityId, Rsvp current) {
        List<Button> row = new ArrayList<>();
        for (Rsvp r : Rsvp.values()) {
            String label = (r == current ? "✓ " : "") + ctx.text(r.labelKey());
            row.add(ctx.buttonLabelled(label, RsvpButton.ACTION, new RsvpButton.Choice(activityId, r)));
        }
        return row;
    }
}
