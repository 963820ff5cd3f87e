package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;

/**
 * The leader's part of /lichhop: the activities of her units, to come and of the last 30 days, a message each with
 * {@code Đăng ký} (answers), {@code Điểm danh} (checklist), and, before it starts, {@code Đổi giờ}, {@code Sửa} and
 * {@code Hủy}. Đổi giờ and Sửa ask for the new time or detail in a short dialog; Hủy asks with two buttons as /huyhop
 * does. Each button does what the command with the activity's number does.
 */
@Component
class LeaderAgenda implements Dialog {

    static final String NAME = "meeting.agenda";
    static final String ACT = "meeting.agenda.act";
    static final Duration BACK = Duration.ofDays(30);
    static final int MAX_SHOWN = 10;

    /** What a leader's button under an activity does. */
    record Act(long activityId, What what) {
        enum What { ANSWERS, ATTENDANCE, MOVE, EDIT, CANCEL }
    }

    private final Activities activities;
    private final Accounts accounts;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MeetingTexts texts;
    private final Clock clock;
    private final LeaderCommands.Move moves;
    private final ChangeCommands.Edit edits;

    LeaderAgenda(Activities activities, Accounts accounts, AccessPolicy policy, OrgService org, MeetingTexts texts,
            Clock clock, LeaderCommands.Move moves, ChangeCommands.Edit edits) {
        this.moves = moves;
        this.edits = edits;
        this.activities = activities;
        this.accounts = accounts;
        this.policy = policy;
        this.org = org;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The activities she manages that /lichhop lists (none for a member without a leader's role). */
    List<ActivityView> managed(ChatContext ctx) {
        Actor actor = accounts.actor(ctx.sender());
        Set<Long> roots = policy.units(actor, Permission.MANAGE_ACTIVITIES);
        if (roots.isEmpty()) {
            return List.of();
        }
        Set<Long> units = new LinkedHashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (long root : roots) {
            org.subtree(root, today).stream().map(UnitView::id).forEach(units::add);
        }
        return activities.organisedRecently(units, BACK, MAX_SHOWN);
    }

    /** One managed activity with its buttons. */
    Outbound render(ChatContext ctx, ActivityView a) {
        boolean ahead = !a.cancelled() && a.startsAt().isAfter(clock.instant());
        String state = a.cancelled() ? "\n" + ctx.text("meeting.agenda.cancelled")
                : ahead ? "" : "\n" + ctx.text("meeting.agenda.past");
        List<List<Button>> rows = new ArrayList<>();
        rows.add(List.of(button(ctx, a, "meeting.agenda.answers", Act.What.ANSWERS),
                button(ctx, a, "meeting.agenda.attendance", Act.What.ATTENDANCE)));
        if (ahead) {
            rows.add(List.of(button(ctx, a, "meeting.agenda.move", Act.What.MOVE),
                    button(ctx, a, "meeting.agenda.edit", Act.What.EDIT),
                    button(ctx, a, "meeting.agenda.cancel", Act.What.CANCEL)));
        }
        return ctx.message("meeting.agenda.item", texts.describe(a, ctx.locale()) + state).withButtons(rows);
    }

    private static Button button(ChatContext ctx, ActivityView a, String key, Act.What what) {
        return ctx.button(key, ACT, new Act(a.id(), what));
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        long id = Long.parseLong(state.get("activity"));
        ctx.endDialog();
        switch (state.step()) {
            case "move" -> moves.handle(ctx, id + " " + text.strip());
            case "edit" -> edits.handle(ctx, id + " " + text.strip());
            default -> ctx.reply("meeting.create.use_buttons");
        }
    }

    @Component
    static class Press implements ButtonAction<Act> {

        private final LeaderCommands.Answers answers;
        private final AttendanceChecklist checklist;
        private final LeaderCommands.Cancel cancel;
        private final Activities activities;
        private final Accounts accounts;

        Press(LeaderCommands.Answers answers, AttendanceChecklist checklist,
                LeaderCommands.Cancel cancel, Activities activities, Accounts accounts) {
            this.answers = answers;
            this.checklist = checklist;
            this.cancel = cancel;
            this.activities = activities;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return ACT;
        }

        @Override
        public Class<Act> payloadType() {
            return Act.class;
        }

        @Override
        public void onPress(ChatContext ctx, Act payload, String messageId) {
            long id = payload.activityId();
            String number = String.valueOf(id);
            switch (payload.what()) {
                case ANSWERS -> answers.handle(ctx, number);
                case ATTENDANCE -> checklist.handle(ctx, number);
                case CANCEL -> cancel.handle(ctx, number);
                case MOVE, EDIT -> {
                    ActivityView a = activities.managedBy(accounts.actor(ctx.sender()), id,
                            Permission.MANAGE_ACTIVITIES);
                    if (a.cancelled()) {
                        throw new UserFacingException("meeting.activity.cancelled", a.title());
                    }
                    boolean move = payload.what() == Act.What.MOVE;
                    ctx.startDialog(NAME, move ? "move" : "edit", Map.of("activity", number));
                    ctx.reply(move ? "meeting.agenda.ask_move" : "meeting.agenda.ask_edit", a.title());
                }
            }
        }
    }
}
