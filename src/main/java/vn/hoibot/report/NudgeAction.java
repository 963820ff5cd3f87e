package vn.hoibot.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.access.Actor;
import vn.hoibot.broadcast.BroadcastKind;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;
import vn.hoibot.indicator.UnitFinder;
import vn.hoibot.member.Accounts;

/**
 * {@code Nhắc tất cả} under /chuabaocao: a templated, polite reminder to the leaders of the units that need a push,
 * through the outbox; each unit is reminded at most once a day (a row per unit and day in {@code report_nudge},
 * whoever pressed), so a second press or a second cadre reminds nobody twice.
 */
@Component
class NudgeAction implements ButtonAction<NudgeAction.Nudge> {

    static final String ACTION = "report.push.nudge";

    record Nudge(long unitId, String period) {
    }

    private final Pushes pushes;
    private final ReportPeriods periods;
    private final UnitFinder finder;
    private final Accounts accounts;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    NudgeAction(Pushes pushes, ReportPeriods periods, UnitFinder finder, Accounts accounts, Outbox outbox,
            JdbcClient jdbc, Clock clock) {
        this.pushes = pushes;
        this.periods = periods;
        this.finder = finder;
        this.accounts = accounts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Nudge> payloadType() {
        return Nudge.class;
    }

    @Override
    public void onPress(ChatContext ctx, Nudge payload, String messageId) {
        Actor actor = accounts.actor(ctx.sender());
        if (!finder.mayRead(actor, payload.unitId())) {
            ctx.reply("report.not-allowed");
            return;
        }
        ReportPeriod period = periods.parse(payload.period());
        Pushes.Found found = pushes.find(payload.unitId(), period);
        LocalDate today = LocalDate.now(clock);
        List<NewBroadcast.Recipient> recipients = new ArrayList<>();
        int units = 0;
        int already = 0;
        int unreachable = 0;
        for (Pushes.Target t : found.all()) {
            if (t.leaders().isEmpty()) {
                continue;
            }
            if (!claim(t.unitId(), today, actor.memberId())) {
                already++;
                continue;
            }
            units++;
            Map<Long, String> names = new HashMap<>();
            t.leaders().forEach(l -> names.put(l.memberId(), l.name()));
            List<Accounts.MemberChat> chats = accounts.chatsOf(names.keySet());
            unreachable += names.size() - (int) chats.stream().map(Accounts.MemberChat::memberId).distinct().count();
            for (Accounts.MemberChat chat : chats) {
                String text = t.kind() == Pushes.Kind.NOT_REPORTED
                        ? ctx.textIn(chat.locale(), "report.nudge.not-reported", names.get(chat.memberId()), t.name(),
                                period.label())
                        : ctx.textIn(chat.locale(), "report.nudge.idle", names.get(chat.memberId()), t.name(),
                                found.lastMonth().label());
                recipients.add(new NewBroadcast.Recipient(chat.channel(), chat.chatId(), chat.memberId(), false, "vi",
                        text));
            }
        }
        if (!recipients.isEmpty()) {
            outbox.enqueue(new NewBroadcast(BroadcastKind.REMINDER, actor.memberId(), "report.nudge",
                    payload.unitId(), false,
                    Map.of("vi", new NewBroadcast.Content(ctx.textIn(vn.hoibot.chat.Messages.VIETNAMESE,
                            "report.nudge.generic"), List.of())),
                    null, recipients, null, null));
        }
        ctx.reply("report.push.nudged", recipients.size(), units, already, unreachable);
    }

    /** Records that the unit is reminded today; false when it already was. */
    private boolean claim(long unitId, LocalDate day, Long by) {
        return jdbc.sql("""
                insert into report_nudge (unit_id, nudge_day, nudged_by, created_at) values (?, ?, ?, ?)
                on conflict do nothing""").params(unitId, day, by, java.time.OffsetDateTime.now(clock)).update() == 1;
    }
}
