package vn.hoibot.broadcast.bot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.BroadcastReport;
import vn.hoibot.broadcast.Broadcasts;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.spreadsheet.SpreadsheetWriter;

/**
 * /baocaogui &lt;id&gt;: the delivery report of a notice, a stop button while it is not finished, and the members it
 * did not reach as a CSV file (name, phone, reason) so she can call them. Only for the sender, or a leader with
 * the broadcast right on the audience's unit.
 */
@Component
class ReportCommand implements CommandHandler {

    static final String STOP = "broadcast.stop";

    /** The notice a stop button stops. */
    record Notice(long broadcastId) {
    }

    private final Broadcasts broadcasts;
    private final Accounts accounts;
    private final AccessPolicy policy;
    private final MemberDirectory members;

    ReportCommand(Broadcasts broadcasts, Accounts accounts, AccessPolicy policy, MemberDirectory members) {
        this.broadcasts = broadcasts;
        this.accounts = accounts;
        this.policy = policy;
        this.members = members;
    }

    @Override
    public String command() {
        return "baocaogui";
    }

    @Override
    public String descriptionKey() {
        return "broadcast.report.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        long id;
        try {
            id = Long.parseLong(args.strip().replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UserFacingException("broadcast.report.usage");
        }
        BroadcastReport report = visibleReport(ctx, broadcasts, accounts.actor(ctx.sender()), policy, id);
        Outbound summary = ctx.message("broadcast.report.text", report.id(), report.audience(),
                ctx.text("broadcast.status." + report.status().name()), report.total(), report.sent(),
                report.acknowledged(), report.unreachable(), report.failed() - report.unconfirmed(), report.pending(),
                report.cancelled(), report.unconfirmed());
        if (report.status().cancellable()) {
            summary = summary.withButtons(List.of(List.of(
                    ctx.button("broadcast.button.cancel_sending", STOP, new Notice(id)))));
        }
        ctx.reply(summary);
        if (!report.undelivered().isEmpty()) {
            ctx.reply(Outbound.text(ctx.sender().chatId(),
                    ctx.text("broadcast.report.file_caption", report.undelivered().size(), id))
                    .withAttachment(Attachment.document("chua-nhan-thong-bao-" + id + ".csv", csv(ctx, report))));
        }
    }

    private byte[] csv(ChatContext ctx, BroadcastReport report) {
        List<List<?>> rows = new ArrayList<>();
        java.util.Map<Long, MemberDirectory.Contact> contacts = members.contacts(report.undelivered().stream()
                .map(BroadcastReport.Undelivered::memberId).filter(java.util.Objects::nonNull).toList());
        for (BroadcastReport.Undelivered u : report.undelivered()) {
            MemberDirectory.Contact m = u.memberId() == null ? null : contacts.get(u.memberId());
            rows.add(Arrays.asList(u.memberId() == null ? "" : u.memberId(),
                    m == null ? (u.group() ? ctx.text("broadcast.report.group_chat") : "") : m.fullName(),
                    m == null || m.phone() == null ? "" : m.phone(),
                    ctx.text("broadcast.reason." + ("UNCONFIRMED".equals(u.errorCode()) ? "UNCONFIRMED"
                            : u.status().name()))));
        }
        return SpreadsheetWriter.csv(List.of(ctx.text("broadcast.report.csv_header").split(",")), rows);
    }

    static BroadcastReport visibleReport(ChatContext ctx, Broadcasts broadcasts, Actor actor, AccessPolicy policy,
            long id) {
        BroadcastReport report = broadcasts.report(id)
                .orElseThrow(() -> new UserFacingException("broadcast.not_found", id));
        // her role today decides, not that she once sent it: a creator who lost her role no longer reads names
        boolean own = actor.memberId() != null && actor.memberId().equals(report.createdBy());
        boolean leader = report.unitId() != null ? policy.can(actor, Permission.BROADCAST, report.unitId())
                : own && !policy.units(actor, Permission.BROADCAST).isEmpty();
        if (!leader && !actor.admin()) {
            throw new UserFacingException("broadcast.not_found", id); // not hers: as if it did not exist
        }
        return report;
    }

    /** {@code Dừng gửi}: cancels what was not sent yet. */
    @Component
    static class Stop implements ButtonAction<Notice> {

        private final Broadcasts broadcasts;
        private final Accounts accounts;
        private final AccessPolicy policy;

        Stop(Broadcasts broadcasts, Accounts accounts, AccessPolicy policy) {
            this.broadcasts = broadcasts;
            this.accounts = accounts;
            this.policy = policy;
        }

        @Override
        public String action() {
            return STOP;
        }

        @Override
        public Class<Notice> payloadType() {
            return Notice.class;
        }

        @Override
        public void onPress(ChatContext ctx, Notice payload, String messageId) {
            long id = payload.broadcastId();
            Actor actor = accounts.actor(ctx.sender());
            visibleReport(ctx, broadcasts, actor, policy, id);
            broadcasts.cancel(id, actor.memberId());
            ctx.toast("broadcast.cancel.done", id);
        }
    }
}
