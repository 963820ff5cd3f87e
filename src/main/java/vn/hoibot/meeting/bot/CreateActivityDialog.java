package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Button;
import vn.hoibot.meeting.bot.CreateActivityButtons.AudienceStep.Choice;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityDraft;
import vn.hoibot.meeting.AudienceKind;
import vn.hoibot.meeting.MeetingProperties;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.meeting.RecurringActivities;
import vn.hoibot.member.Accounts;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.text.Texts;
import vn.hoibot.time.Recurrence;
import vn.hoibot.time.VietnameseDates;
import vn.hoibot.access.AccessDeniedException;
import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;

/**
 * /taohop: a leader creates an activity step by step (unit, title, type, start, end, place or link, partners,
 * audience), sees a preview and confirms. Answers live in the dialog session; nothing is stored before she
 * confirms. The buttons of each step are in {@link CreateActivityButtons}.
 */
@Component
class CreateActivityDialog implements Dialog, CommandHandler {

    static final String NAME = "meeting.create";
    static final String SKIP = "-";
    private static final int MAX_UNIT_BUTTONS = 30;
    /** A meeting longer than this is asked about: more often a typo than a fact. */
    static final java.time.Duration MAX_LENGTH = java.time.Duration.ofHours(6);

    private final Activities activities;
    private final RecurringActivities recurring;
    private final Accounts accounts;
    private final AccessPolicy policy;
    private final OrgService org;
    private final MeetingTexts texts;
    private final MeetingProperties properties;
    private final Clock clock;

    CreateActivityDialog(Activities activities, RecurringActivities recurring, Accounts accounts, AccessPolicy policy, OrgService org,
            MeetingTexts texts, MeetingProperties properties, Clock clock) {
        this.activities = activities;
        this.recurring = recurring;
        this.accounts = accounts;
        this.policy = policy;
        this.org = org;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String command() {
        return "taohop";
    }

    @Override
    public String descriptionKey() {
        return "meeting.create.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = accounts.actor(ctx.sender());
        Set<Long> units = policy.units(actor, Permission.MANAGE_ACTIVITIES);
        if (units.isEmpty()) {
            throw new AccessDeniedException();
        }
        if (units.size() == 1) {
            askTitle(ctx, new DialogState(NAME, "title", Map.of()), units.iterator().next());
            return;
        }
        ctx.startDialog(NAME, "unit", Map.of());
        List<List<Button>> rows = units.stream().map(id -> org.find(id).orElseThrow())
                .map(u -> List.of(ctx.buttonLabelled(org.label(u), CreateActivityButtons.UNIT,
                        new CreateActivityButtons.UnitRef(u.id()))))
                .toList();
        ctx.reply(ctx.message("meeting.create.ask_unit").withButtons(rows));
    }

    void askTitle(ChatContext ctx, DialogState state, long unitId) {
        ctx.save(state.with("unit", String.valueOf(unitId)).next("title"));
        ctx.reply("meeting.create.ask_title", org.find(unitId).map(UnitView::name).orElse(""));
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        String value = text.strip();
        switch (state.step()) {
            case "title" -> askType(ctx, state.with("title", requireText(value, 200)));
            case "start" -> askEnd(ctx, state, value);
            case "end" -> askPlace(ctx, state, value);
            case "place" -> askPartners(ctx, state, value);
            case "partners" -> askAudience(ctx, state.with("partners", skip(value) ? null : requireText(value, 300)));
            case "audience" -> audienceByCodes(ctx, state, value);
            default -> ctx.reply("meeting.create.use_buttons");
        }
    }

    private void askType(ChatContext ctx, DialogState state) {
        ctx.save(state.next("type"));
        List<List<Button>> rows = new ArrayList<>();
        for (String code : properties.types()) {
            rows.add(List.of(ctx.buttonLabelled(texts.typeLabel(code, ctx.locale()), CreateActivityButtons.TYPE,
                    new CreateActivityButtons.TypeChoice(code))));
        }
        ctx.reply(ctx.message("meeting.create.ask_type").withButtons(rows));
    }

    void typeChosen(ChatContext ctx, DialogState state, String code) {
        ctx.save(state.with("type", code).next("start"));
        ctx.reply("meeting.create.ask_start");
    }

    private void askEnd(ChatContext ctx, DialogState state, String value) {
        String input = VietnameseDates.answer(state.get("pending"), value, LocalDate.now(clock));
        Optional<Recurrence> rule;
        Instant startsAt;
        try {
            rule = Recurrence.parse(input);
            if (rule.isPresent()) {
                startsAt = recurring.firstStart(rule.get());
            } else {
                LocalDateTime start = VietnameseDates.dateTime(input, LocalDate.now(clock));
                startsAt = start.atZone(clock.getZone()).toInstant();
                if (!startsAt.isAfter(clock.instant())) {
                    throw new UserFacingException("meeting.date.past");
                }
            }
        } catch (VietnameseDates.Question question) {
            ask(ctx, state, input, question);
            return;
        }
        ctx.save(state.with("pending", null).with("start", startsAt.toString())
                .with("rule", rule.map(Recurrence::code).orElse(null))
                .with("time", rule.map(r -> r.time().toString()).orElse(null)).next("end"));
        ctx.reply("meeting.create.ask_end", hours(properties.defaultDuration()));
    }

    /** She is asked instead of a guess; what she typed waits for her answer. */
    static void ask(ChatContext ctx, DialogState state, String input, VietnameseDates.Question question) {
        ctx.save(state.with("pending", input));
        ctx.reply(question.key(), question.args());
    }

    /** {@code 2}, {@code 1,5}: a duration in hours as people say it. */
    static String hours(java.time.Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60)
                : String.valueOf(Math.round(minutes / 6.0) / 10.0).replace('.', ',');
    }

    private void askPlace(ChatContext ctx, DialogState state, String value) {
        Instant start = Instant.parse(state.get("start"));
        Instant end;
        if (state.get("longEnd") != null && VietnameseDates.isYes(value)) {
            end = Instant.parse(state.get("longEnd"));
        } else if (skip(value)) {
            end = start.plus(properties.defaultDuration());
        } else {
            LocalDateTime s = LocalDateTime.ofInstant(start, clock.getZone());
            String input = VietnameseDates.answer(state.get("pending"), value, s.toLocalDate());
            try {
                end = VietnameseDates.endAfter(input, s).atZone(clock.getZone()).toInstant();
            } catch (VietnameseDates.Question question) {
                ask(ctx, state.with("longEnd", null), input, question);
                return;
            }
            if (!end.isAfter(start)) {
                throw new UserFacingException("meeting.date.end_before_start");
            }
            if (java.time.Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
                ctx.save(state.with("pending", null).with("longEnd", end.toString()));
                ctx.reply("meeting.create.ask_long", hours(java.time.Duration.between(start, end)),
                        texts.when(start, end, ctx.locale()));
                return;
            }
        }
        if (!end.isAfter(start)) {
            throw new UserFacingException("meeting.date.end_before_start");
        }
        ctx.save(state.with("pending", null).with("longEnd", null).with("end", end.toString()).next("place"));
        ctx.reply("meeting.create.ask_place");
    }

    private void askPartners(ChatContext ctx, DialogState state, String value) {
        DialogState next = state.with("place", null).with("link", null);
        if (!skip(value)) {
            String v = requireText(value, 300);
            next = v.startsWith("http://") || v.startsWith("https://") ? next.with("link", v) : next.with("place", v);
        }
        ctx.save(next.next("partners"));
        ctx.reply("meeting.create.ask_partners");
    }

    private void askAudience(ChatContext ctx, DialogState state) {
        ctx.save(state.with("units", null).next("audience"));
        long unit = Long.parseLong(state.get("unit"));
        String name = org.find(unit).map(UnitView::name).orElse("");
        ctx.reply(ctx.message("meeting.create.ask_audience", name).withButtons(List.of(
                List.of(ctx.button("meeting.create.audience.all", CreateActivityButtons.AUDIENCE, audience(Choice.ALL))),
                List.of(ctx.button("meeting.create.audience.pick", CreateActivityButtons.AUDIENCE, audience(Choice.PICK))))));
    }

    /** The list of units under hers to pick from, the picked ones ticked. */
    void showPicker(ChatContext ctx, DialogState state, String messageId) {
        long unit = Long.parseLong(state.get("unit"));
        Set<Long> picked = picked(state);
        List<List<Button>> rows = new ArrayList<>();
        org.subtree(unit, LocalDate.now(clock)).stream().filter(u -> u.id() != unit).limit(MAX_UNIT_BUTTONS)
                .forEach(u -> rows.add(List.of(ctx.buttonLabelled((picked.contains(u.id()) ? "✅ " : "▫️ ") + org.label(u),
                        CreateActivityButtons.PICK, new CreateActivityButtons.UnitRef(u.id())))));
        rows.add(List.of(ctx.button("meeting.create.audience.done", CreateActivityButtons.AUDIENCE, audience(Choice.DONE))));
        var message = ctx.message("meeting.create.pick_units").withButtons(rows);
        if (messageId == null) {
            ctx.reply(message);
        } else {
            ctx.edit(messageId, message);
        }
    }

    static Set<Long> picked(DialogState state) {
        String units = state.get("units");
        return units == null || units.isBlank() ? new LinkedHashSet<>()
                : Arrays.stream(units.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static DialogState withPicked(DialogState state, Set<Long> units) {
        return state.with("units", units.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private void audienceByCodes(ChatContext ctx, DialogState state, String value) {
        Set<Long> units = new LinkedHashSet<>();
        for (String code : value.split("[,;\\s]+")) {
            if (!code.isBlank()) {
                units.add(org.findByCode(code).orElseThrow(() -> new UserFacingException("meeting.audience.unknown", code)).id());
            }
        }
        preview(ctx, withPicked(state, units), audienceKind(state, units));
    }

    AudienceKind audienceKind(DialogState state, Set<Long> units) {
        if (units.isEmpty()) {
            throw new UserFacingException("meeting.audience.empty");
        }
        if (units.size() == 1 && units.contains(Long.valueOf(state.get("unit")))) {
            return AudienceKind.SUBTREE;
        }
        return units.size() == 1 ? AudienceKind.BRANCH : AudienceKind.GROUPS;
    }

    /** Checks everything, then shows what will be created with Xác nhận / Hủy. */
    void preview(ChatContext ctx, DialogState state, AudienceKind kind) {
        DialogState ready = state.with("audience", kind.name()).next("confirm");
        ActivityDraft draft = draft(ready);
        Actor actor = accounts.actor(ctx.sender());
        activities.check(actor, draft);
        ctx.save(ready);
        String audience = draft.audienceUnits().stream().map(org::label)
                .collect(Collectors.joining(", "));
        var preview = new vn.hoibot.meeting.ActivityView(0, draft.unitId(), draft.typeCode(), draft.title(),
                draft.startsAt(), draft.endsAt(), draft.place(), draft.link(), draft.partners(), kind,
                draft.audienceUnits(), false, actor.memberId(), null);
        String described = texts.describe(preview, ctx.locale());
        Recurrence rule = rule(ready);
        if (rule != null) {
            described += "\n" + ctx.text("meeting.recur.line", texts.recurrence(rule, ctx.locale()));
        }
        ctx.reply(ctx.message("meeting.create.preview", described, audience)
                .withButtons(List.of(List.of(ctx.button("meeting.create.confirm", CreateActivityButtons.CONFIRM,
                        new CreateActivityButtons.Answer(true)),
                        ctx.button("meeting.create.abort", CreateActivityButtons.CONFIRM, new CreateActivityButtons.Answer(false))))));
    }

    /** The monthly rule she gave instead of one date, or null. */
    static Recurrence rule(DialogState s) {
        return s.get("rule") == null ? null : Recurrence.decode(s.get("rule"), java.time.LocalTime.parse(s.get("time")));
    }

    ActivityDraft draft(DialogState s) {
        return new ActivityDraft(Long.parseLong(s.get("unit")), s.get("type"), s.get("title"),
                Instant.parse(s.get("start")), Instant.parse(s.get("end")), s.get("place"), s.get("link"),
                s.get("partners"), AudienceKind.valueOf(s.get("audience")), picked(s));
    }

    private static boolean skip(String value) {
        String v = Texts.fold(value);
        return v.equals(SKIP) || v.equals("khong") || v.equals("bo qua") || v.equals("skip");
    }

    private static String requireText(String value, int max) {
        if (value.isBlank()) {
            throw new UserFacingException("meeting.create.empty");
        }
        if (value.length() > max) {
            throw new UserFacingException("meeting.create.too_long", max);
        }
        return value;
    }

    private static CreateActivityButtons.AudienceStep audience(Choice choice) {
        return new CreateActivityButtons.AudienceStep(choice);
    }
}
