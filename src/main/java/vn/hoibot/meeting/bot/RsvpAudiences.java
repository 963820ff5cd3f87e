package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.Rsvp;
import vn.hoibot.meeting.Rsvps;
import vn.hoibot.member.MemberView;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.time.ServiceZone;

/**
 * Audiences for /thongbao from RSVPs: the invited members of one of her next activities who said they will come,
 * or who have not answered yet ({@code r:<activity>:YES} / {@code r:<activity>:NONE}).
 */
@Component
class RsvpAudiences implements AudienceSource {

    private static final int ACTIVITIES = 3;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM").withZone(ServiceZone.VIETNAM);

    private final Activities activities;
    private final Rsvps rsvps;
    private final AccessPolicy policy;
    private final OrgService org;
    private final Clock clock;

    RsvpAudiences(Activities activities, Rsvps rsvps, AccessPolicy policy, OrgService org, Clock clock) {
        this.activities = activities;
        this.rsvps = rsvps;
        this.policy = policy;
        this.org = org;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return "r";
    }

    @Override
    public Map<String, String> choices(ChatContext ctx, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        Set<Long> units = policy.units(actor, Permission.BROADCAST).stream()
                .flatMap(u -> org.subtree(u, today).stream()).map(UnitView::id).collect(Collectors.toSet());
        Map<String, String> choices = new LinkedHashMap<>();
        for (ActivityView activity : activities.upcomingOrganisedBy(units, ACTIVITIES)) {
            String day = DAY.format(activity.startsAt());
            choices.put(ctx.text("meeting.audience.yes", activity.title(), day), "r:" + activity.id() + ":YES");
            choices.put(ctx.text("meeting.audience.none", activity.title(), day), "r:" + activity.id() + ":NONE");
        }
        return choices;
    }

    @Override
    public Optional<Members> resolve(ChatContext ctx, Actor actor, String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 3 || !parts[1].matches("\\d{1,18}") || !Set.of("YES", "NONE").contains(parts[2])) {
            return Optional.empty();
        }
        Optional<ActivityView> found = activities.find(Long.parseLong(parts[1])).filter(a -> !a.cancelled());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ActivityView activity = found.get();
        policy.require(actor, Permission.BROADCAST, activity.unitId());
        Map<Long, Rsvp> answers = rsvps.answers(activity.id());
        boolean yes = parts[2].equals("YES");
        List<Long> members = activities.invitees(activity.id()).stream().map(MemberView::id)
                .filter(id -> yes ? answers.get(id) == Rsvp.YES : !answers.containsKey(id)).toList();
        String description = ctx.textIn(Messages.VIETNAMESE, yes ? "meeting.audience.yes" : "meeting.audience.none",
                activity.title(), DAY.format(activity.startsAt()));
        return Optional.of(new Members(activity.unitId(), description, members));
    }
}
