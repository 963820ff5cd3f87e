package vn.hoibot.meeting.bot;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Attachment;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Outbound;
import vn.hoibot.chat.StartLink;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.meeting.QrCheckin;
import vn.hoibot.member.Accounts;

/**
 * QR check-in in the chat: the leader's {@code 📷 Mã QR điểm danh} (under /diemdanh) sends the current code as a
 * picture with a {@code 🔄 Mã mới} button; a member who scans it opens {@code t.me/<bot>?start=dd_…}, which /start
 * hands to {@link Scanned}, and is checked in.
 */
final class QrCheckinButtons {

    static final String SHOW = "meeting.checkin.qr";

    /** The activity whose QR code to show. */
    record Show(long activityId) {
    }

    private QrCheckinButtons() {
    }

    @Component
    static class ShowCode implements ButtonAction<Show> {

        private final QrCheckin qr;
        private final Accounts accounts;
        private final MeetingTexts texts;

        ShowCode(QrCheckin qr, Accounts accounts, MeetingTexts texts) {
            this.qr = qr;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public String action() {
            return SHOW;
        }

        @Override
        public Class<Show> payloadType() {
            return Show.class;
        }

        @Override
        public void onPress(ChatContext ctx, Show payload, String messageId) {
            QrCheckin.Qr code = qr.issue(accounts.actor(ctx.sender()), payload.activityId(), ctx.botUsername());
            ActivityView a = code.activity();
            String caption = ctx.text("meeting.checkin.qr.caption", a.title(),
                    texts.time(code.validUntil()));
            ctx.reply(Outbound.text(ctx.sender().chatId(), caption)
                    .withAttachment(new Attachment(Attachment.Kind.PHOTO, "diem-danh-" + a.id() + ".png", code.png(),
                            null))
                    .withButtons(List.of(List.of(ctx.button("meeting.checkin.qr.again", SHOW, payload)))));
        }
    }

    /** She scanned the code: {@code /start dd_…}. */
    @Component
    static class Scanned implements StartLink {

        private final QrCheckin qr;
        private final Accounts accounts;

        Scanned(QrCheckin qr, Accounts accounts) {
            this.qr = qr;
            this.accounts = accounts;
        }

        @Override
        public String prefix() {
            return "dd_";
        }

        @Override
        public void open(ChatContext ctx, String payload) {
            ActivityView a = qr.checkIn(Args.member(ctx, accounts), payload);
            ctx.reply("meeting.checkin.done", a.title());
        }
    }
}
