package vn.hoibot.broadcast;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.member.MemberDirectory;
import vn.hoibot.member.MemberStatus;
import vn.hoibot.member.MemberTag;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.ServiceZone;

/**
 * The audiences of /thongbao for other features (a survey's invitees): the same choices (each of her units, its
 * children, members with a tag, and the audiences other modules offer), resolved to the active members they stand
 * for, linked to a chat or not. Specs: {@code u:<unit>}, {@code t:<unit>:<TAG>}, or another source's prefix.
 */
@Service
public class AudienceMembers {

    private final AccessPolicy policy;
    private final MemberDirectory members;
    private final OrgService org;
    private final Clock clock;
    private final List<AudienceSource> sources;

    AudienceMembers(AccessPolicy policy, MemberDirectory members, OrgService org, Clock clock,
            List<AudienceSource> sources) {
        this.policy = policy;
        this.members = members;
        this.org = org;
        this.clock = clock;
        this.sources = List.copyOf(sources);
    }

    /** The audiences she may choose for what {@code permission} allows, as button label → spec. */
    @Transactional(readOnly = true)
    public Map<String, String> choices(ChatContext ctx, Actor actor, Permission permission) {
        LocalDate today = ServiceZone.today(clock);
        Map<String, String> choices = new LinkedHashMap<>();
        for (long unitId : policy.units(actor, permission)) {
            UnitView unit = org.find(unitId).orElseThrow();
            choices.put(ctx.text("broadcast.audience.unit", org.label(unit)), "u:" + unitId);
            for (UnitView child : org.children(unitId, today)) {
                choices.put(ctx.text("broadcast.audience.unit", org.label(child)), "u:" + child.id());
            }
            for (MemberTag tag : MemberTag.values()) {
                choices.put(ctx.text("broadcast.audience.tag", ctx.text(tag.messageKey()), org.label(unit)),
                        "t:" + unitId + ":" + tag.name());
            }
        }
        sources.forEach(source -> choices.putAll(source.choices(ctx, actor)));
        return choices;
    }

    /**
     * The active members of an audience after checking {@code permission} on its unit; empty when the spec is not
     * (or no longer) valid. Throws the access check's refusal for a unit outside her subtree.
     */
    @Transactional(readOnly = true)
    public Optional<AudienceSource.Members> members(ChatContext ctx, Actor actor, Permission permission, String spec) {
        if (!spec.startsWith("u:") && !spec.startsWith("t:")) {
            String prefix = spec.substring(0, Math.max(0, spec.indexOf(':')));
            Optional<AudienceSource.Members> found = sources.stream().filter(s -> s.prefix().equals(prefix))
                    .findFirst().flatMap(s -> s.resolve(ctx, actor, spec));
            found.ifPresent(m -> policy.require(actor, permission, m.unitId()));
            return found.map(m -> m.memberIds() != null ? m : m.withIds(members.ids(m.selection())));
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
            return Optional.empty();
        }
        policy.require(actor, permission, unitId);
        Optional<UnitView> unit = org.find(unitId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        // active, and not restricted (she withdrew her consent: no notices, no surveys)
        List<Long> ids = members.ids(members.activeMembersUnder(List.of(unitId), ServiceZone.today(clock), tag));
        String description = tag == null ? ctx.textIn(Messages.VIETNAMESE, "broadcast.audience.unit", org.label(unit.get()))
                : ctx.textIn(Messages.VIETNAMESE, "broadcast.audience.tag",
                        ctx.textIn(Messages.VIETNAMESE, tag.messageKey()), org.label(unit.get()));
        return Optional.of(new AudienceSource.Members(unitId, description,
                members.activeMembersUnder(List.of(unitId), ServiceZone.today(clock), tag), ids));
    }
}
