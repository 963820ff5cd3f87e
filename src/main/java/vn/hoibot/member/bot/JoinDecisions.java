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

    private JoinDecisions() {
    }

    @Component
    static class Approve implements ButtonAction<Request> {

        private final JoinRequests joinRequests;
        private final Accounts accounts;
        private final OrgService org;

        Approve(JoinRequests joinRequests, Accounts accounts, OrgService org) {
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
            ctx.reply(Outbound.text(request.chatId(), ctx.textIn(Messages.fromLanguageCode(request.language()),
                    "member.join.approved", unit)));
        }
    }

    @Component
    static class Reject implements ButtonAction<Request> {

        private final JoinRequests joinRequests;
        private final Accounts accounts;

        Reject(JoinRequests joinRequests, Accounts accounts) {
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
            ctx.reply(Outbound.text(request.chatId(), ctx.textIn(Messages.fromLanguageCode(request.language()),
                    "member.join.rejected")));
        }
    }
}
