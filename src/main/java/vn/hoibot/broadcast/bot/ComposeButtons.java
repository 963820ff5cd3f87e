package vn.hoibot.broadcast.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.BroadcastKind;
import vn.hoibot.broadcast.Broadcasts;
import vn.hoibot.broadcast.NewBroadcast;
import vn.hoibot.broadcast.NewBroadcast.ButtonSpec;
import vn.hoibot.broadcast.NewBroadcast.Content;
import vn.hoibot.broadcast.NewBroadcast.ProgressTarget;
import vn.hoibot.broadcast.Outbox;
import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ButtonPayloads.None;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.access.Actor;
import vn.hoibot.member.Accounts;
import vn.hoibot.time.DateDisplay;
import vn.hoibot.time.VietnameseDates;

/** The buttons of /thongbao: audience, preview, send now, schedule, discard. */
@Component
class ComposeButtons {

    static final String AUDIENCE = "broadcast.compose.audience";

    /** The audience she picked, as its source spells it (a unit, a tag in a unit, a meeting's answers...). */
    record AudienceChoice(String spec) {
    }

    private static final None NONE = vn.hoibot.chat.ButtonPayloads.NONE;
    static final String LINK = "broadcast.compose.link";
    static final String SEND = "broadcast.compose.send";
    static final String SCHEDULE = "broadcast.compose.schedule";
    static final String DISCARD = "broadcast.compose.discard";
    static final String PREVIEW_ACK = "broadcast.compose.preview_ack";

    private final Accounts accounts;
    private final Audiences audiences;
    private final Outbox outbox;
    private final Broadcasts broadcasts;
    private final Clock clock;
    private final DateDisplay dates;

    ComposeButtons(Accounts accounts, Audiences audiences, Outbox outbox, Broadcasts broadcasts, Clock clock,
            DateDisplay dates) {
        this.broadcasts = broadcasts;
        this.dates = dates;
        this.accounts = accounts;
        this.audiences = audiences;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** She chose an audience: the preview as members will see it, then the confirm buttons. */
    void preview(ChatContext ctx, DialogState state, String spec) {
        Audiences.Resolved audience = audiences.resolve(ctx, accounts.actor(ctx.sender()), spec);
        if (audience.total() == 0) {
            throw new UserFacingException("broadcast.audience.empty");
        }
        ctx.save(state.with("audience", spec).next("confirm"));
        ctx.reply("broadcast.compose.preview_intro");
        List<List<Button>> noticeButtons = new java.util.ArrayList<>();
        noticeButtons.add(List.of(ctx.button("broadcast.ack.label", PREVIEW_ACK, NONE)));
        if (state.get("linkUrl") != null) {
            noticeButtons.add(List.of(Button.link(state.get("linkLabel"), state.get("linkUrl"))));
        }
        ctx.reply(new Outbound(ctx.sender().chatId(), state.get("text"), "1".equals(state.get("html")),
                noticeButtons, null, false, attachment(state)));
        ctx.reply(ctx.message("broadcast.compose.confirm", audience.peopleCount(), audience.groupCount(),
                audience.description()).withButtons(List.of(
                        List.of(ctx.button("broadcast.button.send_now", SEND, NONE),
                                ctx.button("broadcast.button.schedule", SCHEDULE, NONE)),
                        List.of(ctx.button("broadcast.button.add_link", LINK, NONE),
                                ctx.button("broadcast.button.discard", DISCARD, NONE)))));
    }

    /** She typed {@code label | https://…} for a link button: the preview again, with it. */
    void addLink(ChatContext ctx, DialogState state, String text) {
        String[] parts = text.split("\\|", 2);
        String label = parts.length == 2 ? parts[0].strip() : "";
        String url = parts.length == 2 ? parts[1].strip() : "";
        if (label.isEmpty() || label.length() > 40 || !url.matches("https?://\\S{3,500}")) {
            throw new UserFacingException("broadcast.compose.bad_link");
        }
        preview(ctx, state.with("linkLabel", label).with("linkUrl", url), state.get("audience"));
    }

    /** Queues the notice; the confirmation message becomes its progress message, with a stop button. */
    void send(ChatContext ctx, DialogState state, String messageId, Instant at) {
        Actor actor = accounts.actor(ctx.sender());
        Audiences.Resolved audience = audiences.resolve(ctx, actor, state.get("audience"));
        String text = state.get("text");
        Map<String, Content> variants = Map.of("vi", new Content(text, noticeButtons(ctx, state, Messages.VIETNAMESE)),
                "en", new Content(text, noticeButtons(ctx, state, Messages.ENGLISH)));
        NewBroadcast notice = new NewBroadcast(BroadcastKind.NOTICE, actor.memberId(), audience.description(),
                audience.unitId(), "1".equals(state.get("html")), variants, attachment(state), List.of(), at, null);
        ctx.endDialog();
        if (at == null) {
            // the id is known only after enqueue; the stop button carries it
            // held until her message says broadcast.compose.queued: no send of it (nor flood control it meets) comes first
            long id = outbox.enqueueHeld(notice.reportingTo(new ProgressTarget(ctx.sender().channel(),
                    ctx.sender().chatId(), messageId, Audiences.variant(ctx.locale()))), audience.people(),
                    audience.groups());
            Button stop = ctx.button("broadcast.button.cancel_sending", ReportCommand.STOP, new ReportCommand.Notice(id));
            outboxProgressButtons(id, stop);
            ctx.edit(messageId, ctx.message("broadcast.compose.queued", id, outbox.total(id))
                    .withButtons(List.of(List.of(stop))));
            ctx.afterCommit(() -> broadcasts.start(id));
        } else {
            // no message to edit yet: when its time comes, she is sent one saying it went out, then its progress
            long id = outbox.enqueue(notice.reportingTo(new ProgressTarget(ctx.sender().channel(),
                    ctx.sender().chatId(), null, Audiences.variant(ctx.locale()))), audience.people(),
                    audience.groups());
            outboxProgressButtons(id, ctx.button("broadcast.button.cancel_sending", ReportCommand.STOP,
                    new ReportCommand.Notice(id)));
            ctx.reply("broadcast.compose.scheduled", id, dates.dateTime(at, ctx.locale()), outbox.total(id));
        }
    }

    /** {@code Đã đọc}, and the link button when she added one. */
    private static List<List<ButtonSpec>> noticeButtons(ChatContext ctx, DialogState state, java.util.Locale locale) {
        List<List<ButtonSpec>> rows = new java.util.ArrayList<>();
        rows.add(List.of(ButtonSpec.acknowledge(ctx.textIn(locale, "broadcast.ack.label"))));
        if (state.get("linkUrl") != null) {
            rows.add(List.of(ButtonSpec.link(state.get("linkLabel"), state.get("linkUrl"))));
        }
        return rows;
    }

    private void outboxProgressButtons(long id, Button stop) {
        outbox.keepOnProgress(id, List.of(List.of(stop)));
    }

    /** She typed when to send it ({@code 7h sáng mai}), read like every other time she types; asked when unclear. */
    void schedule(ChatContext ctx, DialogState state, String text) {
        LocalDate today = LocalDate.now(clock);
        String input = VietnameseDates.answer(state.get("pending"), text.strip(), today);
        Instant at;
        try {
            at = VietnameseDates.dateTime(input, today).atZone(clock.getZone()).toInstant();
        } catch (VietnameseDates.Question question) {
            ctx.save(state.with("pending", input));
            ctx.reply(question.key(), question.args());
            return;
        }
        if (!at.isAfter(clock.instant())) {
            throw new UserFacingException("broadcast.compose.past_time", dates.dateTime(at, ctx.locale()));
        }
        send(ctx, state.with("pending", null), null, at);
    }

    private static Attachment attachment(DialogState state) {
        return state.get("fileRef") == null ? null
                : new Attachment("1".equals(state.get("photo")) ? Attachment.Kind.PHOTO : Attachment.Kind.DOCUMENT,
                        state.get("fileName"), null, state.get("fileRef"));
    }

    private static DialogState dialog(ChatContext ctx, String step) {
        DialogState state = ctx.dialog().filter(d -> d.dialog().equals(ComposeCommand.DIALOG))
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        if (!state.step().equals(step)) {
            throw new UserFacingException("chat.button.expired");
        }
        return state;
    }

    @Component
    static class Audience implements ButtonAction<AudienceChoice> {
        private final ComposeButtons compose;

        Audience(ComposeButtons compose) {
            this.compose = compose;
        }

        @Override
        public String action() {
            return AUDIENCE;
        }

        @Override
        public Class<AudienceChoice> payloadType() {
            return AudienceChoice.class;
        }

        @Override
        public void onPress(ChatContext ctx, AudienceChoice payload, String messageId) {
            compose.preview(ctx, dialog(ctx, "audience"), payload.spec());
        }
    }

    @Component
    static class Send implements ButtonAction<None> {
        private final ComposeButtons compose;

        Send(ComposeButtons compose) {
            this.compose = compose;
        }

        @Override
        public String action() {
            return SEND;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            compose.send(ctx, dialog(ctx, "confirm"), messageId, null);
        }
    }

    @Component
    static class Schedule implements ButtonAction<None> {
        @Override
        public String action() {
            return SCHEDULE;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            ctx.save(dialog(ctx, "confirm").next("time"));
            ctx.reply("broadcast.compose.ask_time");
        }
    }

    @Component
    static class AddLink implements ButtonAction<None> {
        @Override
        public String action() {
            return LINK;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            ctx.save(dialog(ctx, "confirm").next("link"));
            ctx.reply("broadcast.compose.ask_link");
        }
    }

    @Component
    static class Discard implements ButtonAction<None> {
        @Override
        public String action() {
            return DISCARD;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            dialog(ctx, "confirm"); // after {@code Gửi ngay} the dialog is over: nothing to discard, and it says so
            ctx.endDialog();
            ctx.edit(messageId, ctx.message("broadcast.compose.discarded"));
        }
    }

    @Component
    static class PreviewAck implements ButtonAction<None> {
        @Override
        public String action() {
            return PREVIEW_ACK;
        }

        @Override
        public Class<None> payloadType() {
            return None.class;
        }

        @Override
        public void onPress(ChatContext ctx, None payload, String messageId) {
            ctx.toast("broadcast.preview.ack");
        }
    }
}
