package vn.hoibot.meeting.bot;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.Attendance;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.meeting.Rsvps;
import vn.hoibot.member.Accounts;

/** A member's own commands: /lichhop (upcoming activities), /comat (check in), /thamgia (her history). */
class MemberCommands {

    static final String CHECK_IN = "meeting.checkin.press";

    private MemberCommands() {
    }

    @Component
    static class Upcoming implements CommandHandler {

        private final Activities activities;
        private final Rsvps rsvps;
        private final Attendance attendance;
        private final Accounts accounts;
        private final MeetingTexts texts;

        Upcoming(Activities activities, Rsvps rsvps, Attendance attendance, Accounts accounts, MeetingTexts texts) {
            this.activities = activities;
            this.attendance = attendance;
            this.rsvps = rsvps;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public String command() {
            return "lichhop";
        }

        @Override
        public String descriptionKey() {
            return "meeting.upcoming.description";
        }

        @Override
        public Menu menu() {
            return Menu.MEMBER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long member = Args.member(ctx, accounts);
            List<ActivityView> upcoming = activities.upcomingFor(member);
            if (upcoming.isEmpty()) {
                ctx.reply("meeting.upcoming.none");
                return;
            }
            StringBuilder text = new StringBuilder(ctx.text("meeting.upcoming.header", upcoming.size()));
            List<List<vn.hoibot.chat.Button>> checkIns = new java.util.ArrayList<>();
            for (ActivityView a : upcoming) {
                if (attendance.checkInOpen(a)) {
                    checkIns.add(List.of(ctx.buttonLabelled(ctx.text("meeting.checkin.button", a.title()),
                            CHECK_IN, new ActivityRef(a.id()))));
                }
                text.append("\n\n").append(texts.describe(a, ctx.locale()));
                rsvps.answerOf(a.id(), member).ifPresent(r -> text.append('\n')
                        .append(ctx.text("meeting.upcoming.your_answer",
                                ctx.text("meeting.rsvp." + r.name().toLowerCase(java.util.Locale.ROOT)))));
            }
            ctx.reply(vn.hoibot.chat.Outbound.text(ctx.sender().chatId(), text.toString()).withButtons(checkIns));
        }
    }

    /** {@code ✋ Có mặt} under /lichhop while an activity takes place: valid only during its window. */
    @Component
    static class CheckInButton implements vn.hoibot.chat.ButtonAction<ActivityRef> {

        private final Attendance attendance;
        private final Accounts accounts;

        CheckInButton(Attendance attendance, Accounts accounts) {
            this.attendance = attendance;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return CHECK_IN;
        }

        @Override
        public Class<ActivityRef> payloadType() {
            return ActivityRef.class;
        }

        @Override
        public void onPress(ChatContext ctx, ActivityRef payload, String messageId) {
            ActivityView a = attendance.checkInByButton(Args.member(ctx, accounts), payload.activityId());
            ctx.reply("meeting.checkin.done", a.title());
        }
    }

    @Component
    static class CheckIn implements CommandHandler {

        private final Attendance attendance;
        private final Accounts accounts;

        CheckIn(Attendance attendance, Accounts accounts) {
            this.attendance = attendance;
            this.accounts = accounts;
        }

        @Override
        public String command() {
            return "comat";
        }

        @Override
        public String descriptionKey() {
            return "meeting.checkin.description";
        }

        @Override
        public Menu menu() {
            return Menu.MEMBER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long member = Args.member(ctx, accounts);
            if (args.isBlank()) {
                throw new UserFacingException("meeting.checkin.usage");
            }
            ActivityView activity = attendance.checkIn(member, args.strip());
            ctx.reply("meeting.checkin.done", activity.title());
        }
    }

    @Component
    static class History implements CommandHandler {

        private final Attendance attendance;
        private final Accounts accounts;
        private final MeetingTexts texts;

        History(Attendance attendance, Accounts accounts, MeetingTexts texts) {
            this.attendance = attendance;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public String command() {
            return "thamgia";
        }

        @Override
        public String descriptionKey() {
            return "meeting.history.description";
        }

        @Override
        public Menu menu() {
            return Menu.MEMBER;
        }

        @Override
        public void handle(ChatContext ctx, String args) {
            long member = Args.member(ctx, accounts);
            List<Attendance.Attended> attended = attendance.history(member);
            if (attended.isEmpty()) {
                ctx.reply("meeting.history.none");
                return;
            }
            StringBuilder text = new StringBuilder(ctx.text("meeting.history.header", attended.size()));
            for (Attendance.Attended a : attended) {
                text.append('\n').append(ctx.text("meeting.history.line", texts.dayTime(a.startsAt(), ctx.locale()), a.title(),
                        texts.typeLabel(a.typeCode(), ctx.locale())));
            }
            ctx.reply(vn.hoibot.chat.Outbound.text(ctx.sender().chatId(), text.toString()));
        }
    }
}
