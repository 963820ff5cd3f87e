package vn.hoibot.member.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.ChatType;
import vn.hoibot.chat.ConsoleIdentities;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.member.Consents;
import vn.hoibot.member.Linking;
import vn.hoibot.org.OrgService;

/**
 * Lets the console act as a roster member ({@code /as <phone or name>}): a developer's and trainer's tool, so the
 * console account is linked to her with the current notice recorded as agreed on the console.
 */
@Component
class ConsoleActAs implements ConsoleIdentities {

    private final MemberDirectory directory;
    private final OrgService org;
    private final Consents consents;
    private final Linking linking;
    private final Clock clock;

    ConsoleActAs(MemberDirectory directory, OrgService org, Consents consents, Linking linking, Clock clock) {
        this.directory = directory;
        this.org = org;
        this.consents = consents;
        this.linking = linking;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<Identity> actAs(String phoneOrName) {
        Optional<MemberView> member = directory.findByPhone(phoneOrName).or(() -> byName(phoneOrName));
        return member.map(m -> {
            String userId = "m" + m.id();
            Sender sender = new Sender("console", userId, "console", ChatType.PRIVATE, m.fullName(), Messages.VIETNAMESE);
            consents.giveConsent(sender);
            linking.linkOnConsole(sender, m.id());
            return new Identity(userId, m.fullName());
        });
    }

    private Optional<MemberView> byName(String name) {
        return org.roots(LocalDate.now(clock)).stream()
                .flatMap(root -> directory.search(root.id(), name, PageRequest.of(0, 1)).stream())
                .findFirst();
    }
}
