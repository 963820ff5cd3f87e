package vn.hoibot.member.bot;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.JoinRequests;
import vn.hoibot.org.OrgService;

/** The branch head's approve / reject buttons on a join request. */
class JoinDecisions {

    /** The join request an approver's button decides. */
    record Request(long joinRequestId) {
    }

    static final String APPROVE = "member.join.approve";
    static final String REJECT = "member.join.reject";

    /**
     * To someone other than the presser: through the durable outbox in this transaction when there is one (the
     * application has it), else as an after-commit reply (a context without the broadcast module).
     */
    static void sendDurably(org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable,
            vn.hoibot.chat.ChatContext ctx, Outbound message, Long memberId) {
        vn.hoibot.chat.DurableMessages messages = durable.getIfAvailable();
        if (messages == null) {
            ctx.reply(message);
        } else {
            messages.send(ctx.sender().channel(), message, memberId);
        }
    }

    private JoinDecisions() {
    }

    @Component
    static class Approve implements ButtonAction<Request> {

        private final JoinRequests joinRequests;
        private final Accounts accounts;
        private final OrgService org;
        private final org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable;

        Approve(JoinRequests joinRequests, Accounts accounts, OrgService org,
                org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable) {
            this.durable = durable;
            this.joinRequests = joinRequests;
            this.accounts = accounts;
            this.org = org;
        }

        @Override
        public String action() {
            return APPROVE;
        }

        @Override
        public Class<Request> payloadType() {
            return Request.class;
        }

        @Override
        public void onPress(ChatContext ctx, Request payload, String messageId) {
            long id = payload.joinRequestId();
            var request = joinRequests.request(id).orElseThrow();
            MemberView member = joinRequests.approve(id, accounts.actor(ctx.sender()));
            String unit = org.find(request.unitId()).map(u -> u.name()).orElse("");
            ctx.edit(messageId, ctx.message("member.join.approved_by_you", member.fullName(), unit));
            sendDurably(durable, ctx, Outbound.text(request.chatId(), ctx.textIn(Messages.fromLanguageCode(request.language()),
                    "member.join.approved", unit)), member.id());
        }
    }

    @Component
    static class Reject implements ButtonAction<Request> {

        private final JoinRequests joinRequests;
        private final Accounts accounts;
        private final org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable;

        Reject(JoinRequests joinRequests, Accounts accounts,
                org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable) {
            this.durable = durable;
            this.joinRequests = joinRequests;
            this.accounts = accounts;
        }

        @Override
        public String action() {
            return REJECT;
        }

        @Override
        public Class<Request> payloadType() {
            return Request.class;
        }

        @Override
        public void onPress(ChatContext ctx, Request payload, String messageId) {
            var request = joinRequests.reject(payload.joinRequestId(), accounts.actor(ctx.sender()));
            ctx.edit(messageId, ctx.message("member.join.rejected_by_you", request.fullName()));
            sendDurably(durable, ctx, Outbound.text(request.chatId(), ctx.textIn(Messages.fromLanguageCode(request.language()),
                    "member.join.rejected")), null);
        }
    }
}
