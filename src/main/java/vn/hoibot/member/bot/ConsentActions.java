package vn.hoibot.member.bot;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.member.Consents;
import vn.hoibot.time.ServiceZone;

/** The agree / decline buttons under the privacy notice. */
class ConsentActions {

    static final String AGREE = "member.consent.agree";
    static final String DECLINE = "member.consent.decline";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
            .withZone(ServiceZone.VIETNAM);

    /** The invite code she came with (null without one): kept until she has agreed. */
    record Invitation(String code) {
    }

    private ConsentActions() {
    }

    @Component
    static class Agree implements ButtonAction<Invitation> {

        private final Consents consents;

        Agree(Consents consents) {
            this.consents = consents;
        }

        @Override
        public String action() {
            return AGREE;
        }

        @Override
        public Class<Invitation> payloadType() {
            return Invitation.class;
        }

        @Override
        public void onPress(ChatContext ctx, Invitation payload, String messageId) {
            consents.giveConsent(ctx.sender());
            var consent = consents.consentOf(ctx.sender()).orElseThrow();
            ctx.edit(messageId, ctx.message("member.consent.given", consent.noticeVersion(),
                    WHEN.format(consent.givenAt())));
            StartCommand.askForPhone(ctx, payload.code());
        }
    }

    @Component
    static class Decline implements ButtonAction<Invitation> {

        @Override
        public String action() {
            return DECLINE;
        }

        @Override
        public Class<Invitation> payloadType() {
            return Invitation.class;
        }

        @Override
        public void onPress(ChatContext ctx, Invitation payload, String messageId) {
            ctx.edit(messageId, ctx.message("member.consent.declined"));
        }
    }
}
