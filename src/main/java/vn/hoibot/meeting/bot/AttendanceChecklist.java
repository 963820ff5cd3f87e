package vn.hoibot.meeting.bot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Outbound;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.Attendance;
import vn.hoibot.meeting.MeetingProperties;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberView;
import vn.hoibot.text.Texts;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * /diemdanh 12 [name]: the leader's paged checklist of invited members; a press marks her present or, pressed
 * again, absent (each a new participation record). {@code Tìm theo tên} asks for part of a name and shows those only.
 * The header shows the check-in code members may type with /comat instead; while members may check in,
 * {@code 📷 Mã QR điểm danh} sends the QR code they scan ({@link QrCheckinButtons}).
 */
@Component
class AttendanceChecklist implements CommandHandler, Dialog {

    static final String TOGGLE = "meeting.attendance.toggle";
    static final String PAGE = "meeting.attendance.page";
    static final String SEARCH = "meeting.attendance.search";

    /** Toggle one member's presence, then show the same page of the same search again. */
    record Mark(long activityId, long memberId, int page, String query) {
    }

    /** A page of the checklist (of the search {@code query}, empty for all). */
    record At(long activityId, int page, String query) {
    }

    /** Search the checklist of an activity by name. */
    record Find(long activityId) {
    }

    private final Activities activities;
    private final Attendance attendance;
    private final Accounts accounts;
    private final MeetingProperties properties;

    AttendanceChecklist(Activities activities, Attendance attendance, Accounts accounts,
            MeetingProperties properties) {
        this.activities = activities;
        this.attendance = attendance;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public String command() {
        return "diemdanh";
    }

    @Override
    public String name() {
        return SEARCH;
    }

    @Override
    public String descriptionKey() {
        return "meeting.attendance.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        long id = Args.activityId(args, "meeting.attendance.usage");
        ctx.reply(render(ctx, id, 0, Args.rest(args)));
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        ctx.endDialog();
        ctx.reply(render(ctx, Long.parseLong(state.get("activity")), 0, text.strip()));
    }

    Outbound render(ChatContext ctx, long activityId, int page, String query) {
        Actor actor = accounts.actor(ctx.sender());
        ActivityView activity = activities.managedBy(actor, activityId, Permission.MARK_ATTENDANCE);
        String code = activities.checkinCode(actor, activityId);
        Map<Long, Boolean> current = attendance.current(activityId);
        String needle = Texts.fold(query);
        List<MemberView> members = activities.invitees(activityId).stream()
                .filter(m -> needle.isEmpty() || Texts.fold(m.fullName()).contains(needle))
                .sorted(Comparator.comparing(MemberView::fullName)).toList();
        int size = properties.pageSize();
        int pages = Math.max(1, (members.size() + size - 1) / size);
        int p = Math.max(0, Math.min(page, pages - 1));
        long present = current.values().stream().filter(Boolean::booleanValue).count();
        List<List<Button>> rows = new ArrayList<>();
        for (MemberView m : members.subList(p * size, Math.min(members.size(), (p + 1) * size))) {
            boolean here = current.getOrDefault(m.id(), false);
            rows.add(List.of(ctx.buttonLabelled((here ? "✅ " : "▫️ ") + m.fullName(), TOGGLE,
                    new Mark(activityId, m.id(), p, query))));
        }
        List<Button> nav = new ArrayList<>();
        if (p > 0) {
            nav.add(ctx.button("meeting.attendance.previous", PAGE, new At(activityId, p - 1, query)));
        }
        if (p < pages - 1) {
            nav.add(ctx.button("meeting.attendance.next", PAGE, new At(activityId, p + 1, query)));
        }
        if (!nav.isEmpty()) {
            rows.add(nav);
        }
        rows.add(List.of(ctx.button("meeting.attendance.find", SEARCH, new Find(activityId))));
        if (attendance.checkInOpen(activity)) {
            rows.add(List.of(ctx.button("meeting.checkin.qr.button", QrCheckinButtons.SHOW,
                    new QrCheckinButtons.Show(activityId))));
        }
        String header = ctx.text("meeting.attendance.header", String.valueOf(activity.id()), activity.title(), present,
                members.size(), code, p + 1, pages)
                + (query.isEmpty() ? "" : "\n" + ctx.text("meeting.attendance.filtered", query));
        return Outbound.text(ctx.sender().chatId(), header).withButtons(rows);
    }

    @Component
    static class Toggle implements ButtonAction<Mark> {

        private final AttendanceChecklist checklist;
        private final Attendance attendance;
        private final Accounts accounts;

        Toggle(AttendanceChecklist checklist, Attendance attendance, Accounts accounts) {
            this.checklist = checklist;
            this.attendance = attendance;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return TOGGLE;
        }

        @Override
        public Class<Mark> payloadType() {
            return Mark.class;
        }

        @Override
        public void onPress(ChatContext ctx, Mark payload, String messageId) {
            long activity = payload.activityId();
            long member = payload.memberId();
            boolean present = !attendance.current(activity).getOrDefault(member, false);
            attendance.mark(accounts.actor(ctx.sender()), activity, member, present);
            ctx.edit(messageId, checklist.render(ctx, activity, payload.page(), payload.query()));
        }
    }

    @Component
    static class Page implements ButtonAction<At> {

        private final AttendanceChecklist checklist;

        Page(AttendanceChecklist checklist) {
            this.checklist = checklist;
        }

        @Override
        public String action() {
            return PAGE;
        }

        @Override
        public Class<At> payloadType() {
            return At.class;
        }

        @Override
        public void onPress(ChatContext ctx, At payload, String messageId) {
            ctx.edit(messageId, checklist.render(ctx, payload.activityId(), payload.page(), payload.query()));
        }
    }

    @Component
    static class Search implements ButtonAction<Find> {

        @Override
        public String action() {
            return SEARCH;
        }

        @Override
        public Class<Find> payloadType() {
            return Find.class;
        }

        @Override
        public void onPress(ChatContext ctx, Find payload, String messageId) {
            ctx.startDialog(SEARCH, "name", Map.of("activity", String.valueOf(payload.activityId())));
            ctx.reply("meeting.attendance.ask_name");
        }
    }
}
