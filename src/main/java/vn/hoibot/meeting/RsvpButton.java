package vn.hoibot.meeting;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;

/**
 * Tham gia / Không tham gia / Chưa chắc under an announcement or reminder. The key is the same for everyone who
 * got the message (issued for anyone), so the press is checked here: she must be linked and invited. The message is
 * then edited to show her answer ({@link RsvpMessages}), so she sees what she chose where she chose it.
 */
@Component
class RsvpButton implements ButtonAction<RsvpButton.Choice> {

    static final String ACTION = "meeting.rsvp";

    /** The answer a button gives for an activity (the same key for everyone who got the message). */
    record Choice(long activityId, Rsvp answer) {
    }

    private final Rsvps rsvps;
    private final Accounts accounts;
    private final RsvpMessages messages;

    RsvpButton(Rsvps rsvps, Accounts accounts, RsvpMessages messages) {
        this.rsvps = rsvps;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Choice> payloadType() {
        return Choice.class;
    }

    @Override
    public void onPress(ChatContext ctx, Choice payload, String messageId) {
        long memberId = accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .orElseThrow(() -> new UserFacingException("meeting.not_linked"));
        Rsvp answer = payload.answer();
        ActivityView activity = rsvps.answer(payload.activityId(), memberId, answer);
        // the message she pressed on now shows her answer, with the buttons to change it
        ctx.edit(messageId, messages.render(ctx, activity, java.util.Optional.of(answer)));
        ctx.toast("meeting.rsvp.saved." + answer.name().toLowerCase(java.util.Locale.ROOT), activity.title());
    }
}
