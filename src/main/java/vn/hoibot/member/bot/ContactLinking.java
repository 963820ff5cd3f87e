package vn.hoibot.member.bot;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.Inbound;
import vn.hoibot.chat.InboundFallback;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Outbound;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.Consents;
import vn.hoibot.member.JoinRequests;
import vn.hoibot.member.Linking;
import vn.hoibot.org.OrgService;
import vn.hoibot.member.MemberMenus;

/**
 * Links her account when she shares her own contact: by phone to the roster, or as a join request to the unit of
 * the invite she came with, sent to that unit's heads with approve / reject buttons.
 */
@Component
class ContactLinking implements Dialog, InboundFallback.Contacts {

    private static final Logger log = LoggerFactory.getLogger(ContactLinking.class);

    private final Consents consents;
    private final JoinRequests joinRequests;
    private final Linking linking;
    private final Accounts accounts;
    private final MemberDirectory directory;
    private final OrgService org;
    private final MemberMenus menus;
    private final org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable;

    ContactLinking(Consents consents, JoinRequests joinRequests, Linking linking, Accounts accounts, MemberDirectory directory, OrgService org,
            MemberMenus menus, org.springframework.beans.factory.ObjectProvider<vn.hoibot.chat.DurableMessages> durable) {
        this.durable = durable;
        this.consents = consents;
        this.joinRequests = joinRequests;
        this.linking = linking;
        this.accounts = accounts;
        this.directory = directory;
        this.org = org;
        this.menus = menus;
    }

    @Override
    public String name() {
        return StartCommand.LINK_DIALOG;
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        ctx.reply(ctx.message("member.link.press_button").askingForContact(ctx.text("member.link.share_button")));
    }

    @Override
    public void onContact(ChatContext ctx, DialogState state, Inbound.ContactShared contact) {
        link(ctx, contact, state.get("invite"));
    }

    @Override
    public void onContact(ChatContext ctx, Inbound.ContactShared contact) {
        if (consents.consentOf(ctx.sender()).isEmpty()) {
            ctx.reply("member.consent.required");
            return;
        }
        link(ctx, contact, null);
    }

    private void link(ChatContext ctx, Inbound.ContactShared contact, String invite) {
        if (!contact.isOwn()) {
            ctx.reply(ctx.message("member.link.not_own").askingForContact(ctx.text("member.link.share_button")));
            return;
        }
        String name = Messages.nfc(((contact.firstName() == null ? "" : contact.firstName()) + " "
                + (contact.lastName() == null ? "" : contact.lastName())).strip());
        Linking.LinkResult result = linking.linkByPhone(ctx.sender(), contact.phone(), name, invite);
        ctx.endDialog();
        if (result instanceof Linking.Linked linked) {
            String unit = linked.member().unitId() == null ? "" : unitName(linked.member().unitId());
            ctx.reply(ctx.message("member.link.done", linked.member().fullName(), unit).removingKeyboard());
            menus.refreshAfterCommit(ctx, linked.member().id());
        } else if (result instanceof Linking.Requested requested) {
            ctx.reply(ctx.message("member.join.sent", unitName(requested.unitId())).removingKeyboard());
            notifyApprovers(ctx, requested, name);
        } else {
            ctx.reply(ctx.message("member.link.not_on_roster").removingKeyboard());
        }
    }

    private void notifyApprovers(ChatContext ctx, Linking.Requested requested, String name) {
        var request = joinRequests.request(requested.requestId()).orElseThrow();
        String inviter = request.inviterMemberId() == null ? "—"
                : directory.findById(request.inviterMemberId()).map(m -> m.fullName()).orElse("—");
        List<Accounts.MemberChat> chats = accounts.chatsOf(requested.approvers()).stream()
                .filter(c -> c.channel().equals(ctx.sender().channel())).toList();
        if (chats.isEmpty()) {
            log.warn("Join request {} for unit {} has no approver reachable on {}", requested.requestId(),
                    requested.unitId(), ctx.sender().channel());
        }
        var id = new JoinDecisions.Request(requested.requestId());
        for (Accounts.MemberChat chat : chats) {
            Locale locale = chat.locale();
            Outbound ask = new Outbound(chat.chatId(), ctx.textIn(locale, "member.join.request", name, request.phone(),
                    unitName(requested.unitId()), inviter), false, List.of(List.of(
                            ctx.buttonFor(chat.userId(), ctx.textIn(locale, "member.join.approve"),
                                    JoinDecisions.APPROVE, id),
                            ctx.buttonFor(chat.userId(), ctx.textIn(locale, "member.join.reject"),
                                    JoinDecisions.REJECT, id))),
                    null, false, null);
            JoinDecisions.sendDurably(durable, ctx, ask, chat.memberId());
        }
    }

    private String unitName(long unitId) {
        return org.find(unitId).map(u -> u.name()).orElse("");
    }
}
