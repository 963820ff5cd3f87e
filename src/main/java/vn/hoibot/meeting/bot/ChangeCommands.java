package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityChange;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.member.Accounts;
import vn.hoibot.meeting.RecurringActivities;
import vn.hoibot.text.Texts;

/** A leader's further changes: /suahop (name, place, link), /nhacthem (one more reminder), /dunglap (end a series). */
class ChangeCommands {

    private ChangeCommands() {
    }

    /** /suahop 12 địa điểm Nhà văn hóa mới (or tên ..., link ...): changes a detail and tells those who were told. */
    @Component
    static class Edit implements CommandHandler {

        private final Activities activities;
        private final Accounts accounts;
        private final MeetingTexts texts;

        Edit(Activities activities, Accounts accounts, MeetingTexts texts) {
            this.activities = activities;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public String command() {
            return "suahop";
        }

        @Override
        public String descriptionKey() {
            return "meeting.edit.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.edit.usage");
            String rest = Args.rest(args);
            String folded = Texts.fold(rest);
            ActivityChange change;
            if (folded.startsWith("dia diem ")) {
                change = new ActivityChange(null, null, null, value(rest, 2), null);
            } else if (folded.startsWith("ten ")) {
                change = new ActivityChange(value(rest, 1), null, null, null, null);
            } else if (folded.startsWith("link ")) {
                change = new ActivityChange(null, null, null, null, value(rest, 1));
            } else {
                throw new UserFacingException("meeting.edit.usage");
            }
            ActivityView a = activities.change(accounts.actor(ctx.sender()), id, change);
            ctx.reply("meeting.move.done", texts.describe(a, ctx.locale()));
        }

        /** The text after the first {@code words} words, which must not be empty. */
        private static String value(String text, int words) {
            String[] parts = text.strip().split("\\s+", words + 1);
            if (parts.length <= words || parts[words].isBlank()) {
                throw new UserFacingException("meeting.edit.usage");
            }
            return parts[words].strip();
        }
    }

    /** /nhacthem 12 20/3 17h: one more reminder before the start. */
    @Component
    static class AddReminder implements CommandHandler {

        private final Activities activities;
        private final Accounts accounts;
        private final MeetingTexts texts;
        private final Clock clock;

        AddReminder(Activities activities, Accounts accounts, MeetingTexts texts, Clock clock) {
            this.activities = activities;
            this.accounts = accounts;
            this.texts = texts;
            this.clock = clock;
        }

        @Override
        public String command() {
            return "nhacthem";
        }

        @Override
        public String descriptionKey() {
            return "meeting.remind.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.remind.usage");
            Instant at = Args.when(args, "meeting.remind.usage", clock);
            activities.addReminder(accounts.actor(ctx.sender()), id, at);
            ctx.reply("meeting.remind.done", texts.dayTime(at, ctx.locale()));
        }
    }

    /** /dunglap 3: stops a recurring activity; its future occurrences are cancelled and their invitees told. */
    @Component
    static class EndSeries implements CommandHandler {

        private final vn.hoibot.meeting.RecurringActivities recurring;
        private final Accounts accounts;

        EndSeries(vn.hoibot.meeting.RecurringActivities recurring, Accounts accounts) {
            this.recurring = recurring;
            this.accounts = accounts;
        }

        @Override
        public String command() {
            return "dunglap";
        }

        @Override
        public String descriptionKey() {
            return "meeting.series.end.description";
        }

        @Override
        public Menu menu() {
            return Menu.LEADER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long id = Args.activityId(args, "meeting.series.end.usage");
            ctx.reply(ctx.message("meeting.series.end.ask", String.valueOf(id)).withButtons(java.util.List.of(
                    java.util.List.of(ctx.confirmButton("meeting.series.end.yes", END_SERIES, new SeriesRef(id)),
                            ctx.button("meeting.keep", LeaderCommands.KEEP, vn.hoibot.chat.ButtonPayloads.NONE)))));
        }
    }

    static final String END_SERIES = "meeting.series.end.confirm";

    record SeriesRef(long seriesId) {
    }

    /** The press of {@code Dừng lặp lại}: ends the series, cancels its coming occurrences, tells the members. */
    @Component
    static class EndSeriesConfirmed implements vn.hoibot.chat.ButtonAction<SeriesRef> {

        private final vn.hoibot.meeting.RecurringActivities recurring;
        private final Accounts accounts;

        EndSeriesConfirmed(vn.hoibot.meeting.RecurringActivities recurring, Accounts accounts) {
            this.recurring = recurring;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return END_SERIES;
        }

        @Override
        public Class<SeriesRef> payloadType() {
            return SeriesRef.class;
        }

        @Override
        public void onPress(ChatContext ctx, SeriesRef payload, String messageId) {
            int cancelled = recurring.end(accounts.actor(ctx.sender()), payload.seriesId());
            ctx.edit(messageId, ctx.message("meeting.series.end.done", String.valueOf(payload.seriesId()), cancelled));
        }
    }
}
