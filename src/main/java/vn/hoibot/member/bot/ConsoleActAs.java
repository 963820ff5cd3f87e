package vn.hoibot.member.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.ChatType;
import vn.hoibot.chat.ConsoleIdentities;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.Sender;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.Consents;
import vn.hoibot.member.Linking;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;

/**
 * Lets the console act as a roster member ({@code /as <phone or name>}): a developer's and trainer's tool, so the
 * console account is linked to her with the current notice recorded as agreed on the console. Each member has her
 * own console user id and chat ({@code m<id>}).
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
    @Transactional(readOnly = true)
    public List<Identity> candidates(String phoneOrName, int limit) {
        Optional<MemberView> byPhone = phoneOrName.matches("[+0-9 .-]{8,}") ? directory.findByPhone(phoneOrName)
                : Optional.empty();
        if (byPhone.isPresent()) {
            return List.of(identity(byPhone.get()));
        }
        LocalDate today = LocalDate.now(clock);
        return org.roots(today).stream()
                .flatMap(root -> directory.search(root.id(), phoneOrName, PageRequest.of(0, limit)).stream())
                .distinct().limit(limit).map(this::identity).toList();
    }

    @Override
    @Transactional
    public Optional<Identity> become(String userId) {
        if (!userId.matches("m\\d+")) {
            return Optional.empty();
        }
        return directory.findById(Long.parseLong(userId.substring(1))).map(m -> {
            Identity identity = identity(m);
            Sender sender = new Sender(Accounts.CONSOLE, identity.userId(), identity.userId(), ChatType.PRIVATE,
                    m.fullName(), Messages.VIETNAMESE);
            consents.giveConsent(sender);
            linking.linkOnConsole(sender, m.id());
            return identity;
        });
    }

    private Identity identity(MemberView m) {
        String unit = m.unitId() == null ? "" : org.label(m.unitId());
        return new Identity("m" + m.id(), m.fullName(), unit);
    }
}
