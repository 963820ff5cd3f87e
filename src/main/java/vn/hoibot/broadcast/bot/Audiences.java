package vn.hoibot.broadcast.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.broadcast.AudienceMembers;
import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberTag;
import vn.hoibot.member.Selection;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * Who a notice goes to. An audience is a short spec kept in a button key: {@code u:<unit>} (her whole subtree or a
 * chosen branch/group, with the bound group chats of its units) or {@code t:<unit>:<TAG>} (members with a tag). The
 * leader must hold {@link Permission#BROADCAST} on the unit.
 */
@Component
class Audiences {

    /** A resolved audience: the unit, a description for reports, and one recipient per chat. */
    record Resolved(long unitId, String description, Selection people, Selection groups, long peopleCount,
            long groupCount) {

        long total() {
            return peopleCount + groupCount;
        }
    }

    private final AccessPolicy policy;
    private final Accounts accounts;
    private final MemberDirectory members;
    private final OrgService org;
    private final Clock clock;
    private final List<AudienceSource> sources;
    private final AudienceMembers audienceMembers;

    Audiences(AccessPolicy policy, Accounts accounts, MemberDirectory members, OrgService org, Clock clock,
            List<AudienceSource> sources, AudienceMembers audienceMembers) {
        this.audienceMembers = audienceMembers;
        this.policy = policy;
        this.accounts = accounts;
        this.members = members;
        this.org = org;
        this.clock = clock;
        this.sources = List.copyOf(sources);
    }

    /** The audiences she may choose, as button label → spec: each of her units, its children, and tags. */
    Map<String, String> choices(ChatContext ctx, Actor actor) {
        return audienceMembers.choices(ctx, actor, Permission.BROADCAST);
    }

    /** An audience another module offers: its members with a linked chat, one recipient per chat. */
    private Resolved fromSource(ChatContext ctx, Actor actor, String spec) {
        String prefix = spec.substring(0, Math.max(0, spec.indexOf(':')));
        AudienceSource source = sources.stream().filter(s -> s.prefix().equals(prefix)).findFirst()
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        AudienceSource.Members found = source.resolve(ctx, actor, spec)
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        policy.require(actor, Permission.BROADCAST, found.unitId());
        Selection chats = accounts.chatsOf(found.selection());
        return new Resolved(found.unitId(), found.description(), chats, null, members.count(chats), 0);
    }

    /**
     * The audience of a spec, counted in the database: two or three statements whatever its size, and nothing
     * loaded; {@link vn.hoibot.broadcast.Outbox#enqueue(vn.hoibot.broadcast.NewBroadcast, Selection, Selection)}
     * copies it into the outbox the same way.
     */
    @Transactional(readOnly = true)
    Resolved resolve(ChatContext ctx, Actor actor, String spec) {
        if (!spec.startsWith("u:") && !spec.startsWith("t:")) {
            return fromSource(ctx, actor, spec);
        }
        String[] parts = spec.split(":");
        long unitId;
        MemberTag tag = null;
        try {
            unitId = Long.parseLong(parts[1]);
            if (parts[0].equals("t")) {
                tag = MemberTag.valueOf(parts[2]);
            }
        } catch (RuntimeException e) {
            throw new UserFacingException("chat.button.expired");
        }
        policy.require(actor, Permission.BROADCAST, unitId); // an audience outside her subtree: refused
        LocalDate today = LocalDate.now(clock);
        UnitView unit = org.find(unitId).orElseThrow(() -> new UserFacingException("chat.button.expired"));
        Selection people = accounts.chatsOf(members.activeMembersUnder(List.of(unitId), today, tag));
        Selection groups = tag == null ? accounts.groupChatsUnder(unitId, today) : null;
        String description = tag == null ? ctx.textIn(Messages.VIETNAMESE, "broadcast.audience.unit", org.label(unit))
                : ctx.textIn(Messages.VIETNAMESE, "broadcast.audience.tag",
                        ctx.textIn(Messages.VIETNAMESE, tag.messageKey()), org.label(unit));
        return new Resolved(unitId, description, people, groups, members.count(people),
                groups == null ? 0 : members.count(groups));
    }

    static String variant(java.util.Locale locale) {
        return Messages.ENGLISH.equals(Messages.supported(locale)) ? "en" : "vi";
    }
}
