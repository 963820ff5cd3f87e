package vn.hoibot.member;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.Sender;

/** The right to erasure: {@code /xoadulieu}. */
@Service
public class Erasure {

    private final AccountRepository accounts;
    private final MemberDirectory directory;
    private final Consents consents;
    private final JoinRequests joinRequests;

    Erasure(AccountRepository accounts, MemberDirectory directory, Consents consents, JoinRequests joinRequests) {
        this.accounts = accounts;
        this.directory = directory;
        this.consents = consents;
        this.joinRequests = joinRequests;
    }

    /**
     * Deletes her personal data: the roster entry is erased (anonymous counts stay), accounts unlinked, consent
     * marked withdrawn, dialogs and buttons forgotten.
     */
    @Transactional
    public void erase(Sender sender) {
        Optional<Account> account = accounts.findByChannelAndUserId(sender.channel(), sender.userId());
        if (account.isPresent()) {
            long memberId = account.get().memberId();
            directory.erasePersonalData(memberId);
            for (Account linked : accounts.findByMemberId(memberId)) {
                consents.withdraw(linked.channel(), linked.userId());
                accounts.delete(linked);
            }
        }
        consents.withdraw(sender.channel(), sender.userId());
        joinRequests.dropPendingOf(sender.channel(), sender.userId());
    }
}
