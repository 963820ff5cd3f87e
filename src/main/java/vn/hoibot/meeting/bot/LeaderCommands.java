package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityChange;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.meeting.Rsvp;
import vn.hoibot.meeting.Rsvps;
import vn.hoibot.member.Accounts;
import vn.hoibot.access.Permission;

/** A leader's commands on one activity: /huyhop, /doihop, /dangky (more in {@link ChangeCommands}). */
class LeaderCommands {

    static final String CANCEL = "meeting.cancel.confirm";

    private LeaderCommands() {
    }

    /** /huyhop 12: shows the activity with a confirm button; the press cancels and tells the members. */
    @Component
    static class Cancel implements CommandHandler {

        private final Activities activities;
        private final Accounts accounts;
        private final MeetingTexts texts;

        Cancel(Activities activities, Accounts accounts, MeetingTexts texts) {
            this.activities = activities;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public String command() {
            return "huyhop";
        }

        @Override
        public String descriptionKey() {
            return "meeting.cancel.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.cancel.usage");
            ActivityView a = activities.managedBy(accounts.actor(ctx.sender()), id, Permission.MANAGE_ACTIVITIES);
            if (a.cancelled()) {
                throw new UserFacingException("meeting.activity.cancelled", a.title());
            }
            ctx.reply(ctx.message("meeting.cancel.ask", texts.describe(a, ctx.locale())).withButtons(List.of(
                    List.of(ctx.confirmButton("meeting.cancel.yes", CANCEL, new ActivityRef(id)),
                            ctx.button("meeting.keep", KEEP, vn.hoibot.chat.ButtonPayloads.NONE)))));
        }
    }

    static final String KEEP = "meeting.keep";

    /** {@code Giữ lại} under every destructive question: nothing happens, the question's buttons go. */
    @Component
    static class Keep implements ButtonAction.NoPayload {

        @Override
        public String action() {
            return KEEP;
        }

        @Override
        public void onPress(ChatContext ctx, String messageId) {
            ctx.edit(messageId, ctx.message("meeting.kept"));
        }
    }

    @Component
    static class CancelConfirmed implements ButtonAction<ActivityRef> {

        private final Activities activities;
        private final Accounts accounts;

        CancelConfirmed(Activities activities, Accounts accounts) {
            this.activities = activities;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return CANCEL;
        }

        @Override
        public Class<ActivityRef> payloadType() {
            return ActivityRef.class;
        }

        @Override
        public void onPress(ChatContext ctx, ActivityRef payload, String messageId) {
            ActivityView a = activities.cancel(accounts.actor(ctx.sender()), payload.activityId());
            ctx.edit(messageId, ctx.message("meeting.cancel.done", String.valueOf(a.id()), a.title()));
        }
    }

    /** /doihop 12 20/3 19h30: moves it (keeping its length) and tells those who were told. */
    @Component
    static class Move implements CommandHandler {

        private final Activities activities;
        private final Accounts accounts;
        private final MeetingTexts texts;
        private final Clock clock;

        Move(Activities activities, Accounts accounts, MeetingTexts texts, Clock clock) {
            this.activities = activities;
            this.accounts = accounts;
            this.texts = texts;
            this.clock = clock;
        }

        @Override
        public String command() {
            return "doihop";
        }

        @Override
        public String descriptionKey() {
            return "meeting.move.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.move.usage");
            Instant start = Args.when(args, "meeting.move.usage", clock);
            ActivityView a = activities.change(accounts.actor(ctx.sender()), id, ActivityChange.moveTo(start, null));
            ctx.reply("meeting.move.done", texts.describe(a, ctx.locale()));
        }
    }

    /** /dangky 12: who answered what, and how many have not answered. */
    @Component
    static class Answers implements CommandHandler {

        private final Activities activities;
        private final Rsvps rsvps;
        private final Accounts accounts;

        Answers(Activities activities, Rsvps rsvps, Accounts accounts) {
            this.activities = activities;
            this.rsvps = rsvps;
            this.accounts = accounts;
        }

        @Override
        public String command() {
            return "dangky";
        }

        @Override
        public String descriptionKey() {
            return "meeting.answers.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.answers.usage");
            ActivityView a = activities.managedBy(accounts.actor(ctx.sender()), id, Permission.MANAGE_ACTIVITIES);
            Rsvps.Summary summary = rsvps.summary(id);
            StringBuilder text = new StringBuilder(ctx.text("meeting.answers.header", String.valueOf(a.id()), a.title(),
                    summary.invited(), summary.unanswered()));
            for (Rsvp r : Rsvp.values()) {
                List<String> names = summary.names().get(r);
                text.append('\n').append(ctx.text("meeting.answers.line",
                        ctx.text("meeting.rsvp." + r.name().toLowerCase(Locale.ROOT)), names.size(),
                        String.join(", ", names)));
            }
            ctx.reply(vn.hoibot.chat.Outbound.text(ctx.sender().chatId(), text.toString()));
        }
    }
}
