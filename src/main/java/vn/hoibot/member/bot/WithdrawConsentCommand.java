package vn.hoibot.member.bot;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Consents;
import vn.hoibot.member.MemberDirectory;

/**
 * /rutdongy: she withdraws her consent without deleting anything. Her record stays for the union's books, but
 * processing is restricted: no notices, no surveys, until she agrees again with /start. Deleting is /xoadulieu.
 */
@Component
class WithdrawConsentCommand implements CommandHandler {

    private final Consents consents;
    private final Accounts accounts;
    private final MemberDirectory directory;

    WithdrawConsentCommand(Consents consents, Accounts accounts, MemberDirectory directory) {
        this.consents = consents;
        this.accounts = accounts;
        this.directory = directory;
    }

    @Override
    public String command() {
        return "rutdongy";
    }

    @Override
    public String descriptionKey() {
        return "member.withdraw.description";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        boolean had = consents.withdrawConsent(ctx.sender());
        accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .ifPresent(member -> directory.restrictProcessing(member, true));
        ctx.reply(had ? "member.withdraw.done" : "member.withdraw.none");
    }
}
