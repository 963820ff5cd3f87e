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

    /**
     * /lichhop: a message per activity. Hers (invited, not ended) with her answer and the buttons to change it, and
     * {@code ✋ Có mặt} while it takes place; for a leader also the activities of her units (to come, and of the
     * last 30 days) with the buttons to manage them ({@link LeaderAgenda}), so no number has to be typed.
     */
    @Component
    static class Upcoming implements CommandHandler {

        static final int MAX_SHOWN = 8;

        private final Activities activities;
        private final Attendance attendance;
        private final Accounts accounts;
        private final vn.hoibot.meeting.RsvpMessages rsvpMessages;
        private final LeaderAgenda agenda;

        Upcoming(Activities activities, Attendance attendance, Accounts accounts,
                vn.hoibot.meeting.RsvpMessages rsvpMessages, LeaderAgenda agenda) {
            this.activities = activities;
            this.attendance = attendance;
            this.accounts = accounts;
            this.rsvpMessages = rsvpMessages;
            this.agenda = agenda;
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
            List<ActivityView> managed = agenda.managed(ctx);
            java.util.Set<Long> managedIds = managed.stream().map(ActivityView::id)
                    .collect(java.util.stream.Collectors.toSet());
            List<ActivityView> upcoming = activities.upcomingFor(member).stream()
                    .filter(a -> !managedIds.contains(a.id())).limit(MAX_SHOWN).toList();
            if (upcoming.isEmpty() && managed.isEmpty()) {
                ctx.reply("meeting.upcoming.none");
                return;
            }
            if (!upcoming.isEmpty()) {
                ctx.reply("meeting.upcoming.header", upcoming.size());
            }
            for (ActivityView a : upcoming) {
                vn.hoibot.chat.Outbound message = rsvpMessages.render(ctx, a, member);
                if (attendance.checkInOpen(a)) {
                    List<List<vn.hoibot.chat.Button>> rows = new java.util.ArrayList<>(message.buttons());
                    rows.add(List.of(ctx.buttonLabelled(ctx.text("meeting.checkin.button", a.title()), CHECK_IN,
                            new ActivityRef(a.id()))));
                    message = message.withButtons(rows);
                }
                ctx.reply(message);
            }
            if (!managed.isEmpty()) {
                ctx.reply("meeting.agenda.header", managed.size());
                for (ActivityView a : managed) {
                    ctx.reply(agenda.render(ctx, a));
                }
            }
        }
    }

    /** {@code ✋ Có mặt} under /lichhop while an activity takes place: asks for the code read out there. */
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
            Args.member(ctx, accounts);
            // a press proves nothing about where she is: she types the code read out there, or scans the QR code
            ctx.startDialog(CheckInCode.NAME, "code", java.util.Map.of());
            ctx.reply("meeting.checkin.ask_code");
        }
    }

    /** After {@code ✋ Có mặt}: the code she types is checked as /comat checks it. */
    @Component
    static class CheckInCode implements vn.hoibot.chat.Dialog {

        static final String NAME = "meeting.checkin";

        private final Attendance attendance;
        private final Accounts accounts;

        CheckInCode(Attendance attendance, Accounts accounts) {
            this.attendance = attendance;
            this.accounts = accounts;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void onText(ChatContext ctx, vn.hoibot.chat.DialogState state, String text) {
            ActivityView activity = attendance.checkIn(Args.member(ctx, accounts), text.strip());
            ctx.endDialog();
            ctx.reply("meeting.checkin.done", activity.title());
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
