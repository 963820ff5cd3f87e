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
import vn.hoibot.meeting.bot.CreateActivityButtons.EditField.Field;
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
 * /taohop: a leader creates an activity in a few steps: the unit (only when she leads several), the type
 * (buttons), the time (typed, read by {@link VietnameseDates}), the place (buttons of the places her unit used
 * before, or typed), partners (only for types that have them), then a preview with the name taken from the type and
 * month, the end from the type's usual length and the audience her whole unit, each editable with a button, and
 * Xác nhận. {@code /taohop sinh hoạt 19h30 thứ 6 tuần sau tại nhà văn hóa xóm 3} goes straight to the preview.
 * Answers live in the dialog session; nothing is stored before she confirms. The buttons of each step are in
 * {@link CreateActivityButtons}.
 */
@Component
class CreateActivityDialog implements Dialog, CommandHandler {

    static final String NAME = "meeting.create";
    static final String SKIP = "-";
    private static final int MAX_UNIT_BUTTONS = 30;
    private static final int PLACE_BUTTONS = 4;
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
        DialogState state = new DialogState(NAME, "unit", Map.of());
        if (!args.isBlank()) {
            Optional<DialogState> quick = oneLine(ctx, state, args);
            if (quick.isEmpty()) {
                return;
            }
            state = quick.get();
        }
        if (units.size() == 1) {
            unitChosen(ctx, state, units.iterator().next());
            return;
        }
        ctx.save(state);
        List<List<Button>> rows = units.stream().map(id -> org.find(id).orElseThrow()).limit(MAX_UNIT_BUTTONS)
                .map(u -> List.of(ctx.buttonLabelled(org.label(u), CreateActivityButtons.UNIT,
                        new CreateActivityButtons.UnitRef(u.id()))))
                .toList();
        ctx.reply(ctx.message("meeting.create.ask_unit").withButtons(rows));
    }

    /**
     * The one-line form: {@code <type words> <time> [tại <place>]}. Returns the state with what it read, or empty
     * when it could not read the type (she was told how to write it).
     */
    private Optional<DialogState> oneLine(ChatContext ctx, DialogState state, String args) {
        List<String> words = Arrays.asList(args.strip().split("\\s+"));
        List<String> folded = words.stream().map(Texts::fold).toList();
        int at = folded.lastIndexOf("tai");
        String place = at > 0 && at < words.size() - 1 ? String.join(" ", words.subList(at + 1, words.size())) : null;
        List<String> head = at > 0 ? folded.subList(0, at) : folded;
        String type = null;
        int typeWords = 0;
        for (String code : properties.types()) {
            for (String phrase : typeWords(code)) {
                List<String> p = Arrays.asList(phrase.split(" "));
                if (p.size() > typeWords && head.size() > p.size() && head.subList(0, p.size()).equals(p)) {
                    type = code;
                    typeWords = p.size();
                }
            }
        }
        if (type == null) {
            ctx.reply("meeting.create.one_line_usage");
            return Optional.empty();
        }
        String when = String.join(" ", (at > 0 ? words.subList(0, at) : words).subList(typeWords,
                at > 0 ? at : words.size()));
        DialogState next = state.with("type", type).with("quick", "1").with("when", when);
        if (place != null) {
            next = place.startsWith("http://") || place.startsWith("https://") ? next.with("link", requireText(place, 500))
                    : next.with("place", requireText(place, 300));
        }
        return Optional.of(next);
    }

    /** The words she may start the one-line form with for a type: its label and its usual names, folded. */
    private List<String> typeWords(String code) {
        List<String> result = new ArrayList<>();
        for (java.util.Locale locale : List.of(vn.hoibot.chat.Messages.VIETNAMESE, vn.hoibot.chat.Messages.ENGLISH)) {
            result.add(Texts.fold(texts.typeLabel(code, locale)));
            for (String w : texts.get(locale, "meeting.type." + code + ".words").split(",")) {
                if (!w.isBlank()) {
                    result.add(Texts.fold(w));
                }
            }
        }
        return result;
    }

    /** The unit is known: on to the type, or, in the one-line form, to reading the time. */
    void unitChosen(ChatContext ctx, DialogState state, long unitId) {
        DialogState next = state.with("unit", String.valueOf(unitId));
        if (next.get("quick") != null) {
            readStart(ctx, next.next("start"), next.get("when"));
            return;
        }
        askType(ctx, next);
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        String value = text.strip();
        switch (state.step()) {
            case "start" -> readStart(ctx, state, value);
            case "place" -> placeGiven(ctx, state, value);
            case "partners" -> preview(ctx, state.with("partners", skip(value) ? null : requireText(value, 300)));
            case "title" -> preview(ctx, state.with("title", requireText(value, 200)));
            case "end" -> readEnd(ctx, state, value);
            case "audience" -> audienceByCodes(ctx, state, value);
            default -> ctx.reply("meeting.create.use_buttons");
        }
    }

    private void askType(ChatContext ctx, DialogState state) {
        ctx.save(state.next("type"));
        List<List<Button>> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (String code : properties.types()) {
            row.add(ctx.buttonLabelled(texts.typeLabel(code, ctx.locale()), CreateActivityButtons.TYPE,
                    new CreateActivityButtons.TypeChoice(code)));
            if (row.size() == 2) {
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        String unit = org.label(Long.parseLong(state.get("unit")));
        ctx.reply(ctx.message("meeting.create.ask_type", unit).withButtons(rows));
    }

    void typeChosen(ChatContext ctx, DialogState state, String code) {
        ctx.save(state.with("type", code).next("start"));
        ctx.reply("meeting.create.ask_start");
    }

    /** Reads the start (or a monthly rule); the end follows from the type's usual length. */
    private void readStart(ChatContext ctx, DialogState state, String value) {
        String input = VietnameseDates.answer(state.get("pending"), value, LocalDate.now(clock));
        Optional<Recurrence> rule;
        Instant startsAt;
        try {
            if (input.isBlank()) {
                throw new UserFacingException("meeting.create.ask_start");
            }
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
            ask(ctx, state.next("start"), input, question);
            return;
        }
        String type = state.get("type");
        java.time.YearMonth month = java.time.YearMonth.from(startsAt.atZone(clock.getZone()));
        DialogState next = state.with("pending", null).with("start", startsAt.toString())
                .with("end", startsAt.plus(properties.durationOf(type)).toString())
                .with("rule", rule.map(Recurrence::code).orElse(null))
                .with("time", rule.map(r -> r.time().toString()).orElse(null))
                .with("title", state.get("title") != null ? state.get("title")
                        : ctx.text("meeting.create.default_title", texts.typeLabel(type, ctx.locale()),
                                String.valueOf(month.getMonthValue())));
        if (next.get("quick") != null) {
            preview(ctx, next);
            return;
        }
        askPlace(ctx, next);
    }

    private void askPlace(ChatContext ctx, DialogState state) {
        ctx.save(state.next("place"));
        List<List<Button>> rows = new ArrayList<>();
        for (String place : activities.placesUsedBy(Long.parseLong(state.get("unit")), PLACE_BUTTONS)) {
            rows.add(List.of(ctx.buttonLabelled("📍 " + place, CreateActivityButtons.PLACE,
                    new CreateActivityButtons.PlaceChoice(place))));
        }
        rows.add(List.of(ctx.button("meeting.create.place.none", CreateActivityButtons.PLACE,
                new CreateActivityButtons.PlaceChoice(null))));
        ctx.reply(ctx.message(rows.size() > 1 ? "meeting.create.ask_place_used" : "meeting.create.ask_place")
                .withButtons(rows));
    }

    /** The place (or link) typed or picked; then partners for the types that have them, or the preview. */
    void placeGiven(ChatContext ctx, DialogState state, String value) {
        DialogState next = state.with("place", null).with("link", null);
        if (value != null && !skip(value)) {
            String v = requireText(value, 300);
            next = v.startsWith("http://") || v.startsWith("https://") ? next.with("link", v) : next.with("place", v);
        }
        if (properties.hasPartners(state.get("type"))) {
            ctx.save(next.next("partners"));
            ctx.reply(ctx.message("meeting.create.ask_partners").withButtons(List.of(List.of(ctx.button(
                    "meeting.create.partners.none", CreateActivityButtons.NO_PARTNERS, vn.hoibot.chat.ButtonPayloads.NONE)))));
            return;
        }
        preview(ctx, next);
    }

    /** {@code Giờ kết thúc} under the preview: she types the end. */
    void askEnd(ChatContext ctx, DialogState state) {
        ctx.save(state.next("end"));
        ctx.reply("meeting.create.ask_end", hours(java.time.Duration.between(Instant.parse(state.get("start")),
                Instant.parse(state.get("end")))));
    }

    private void readEnd(ChatContext ctx, DialogState state, String value) {
        Instant start = Instant.parse(state.get("start"));
        Instant end;
        if (state.get("longEnd") != null && VietnameseDates.isYes(value)) {
            end = Instant.parse(state.get("longEnd"));
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
        preview(ctx, state.with("pending", null).with("longEnd", null).with("end", end.toString()));
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

    /** {@code Đổi người mời} under the preview: her whole unit, ticked units, or typed codes. */
    void askAudience(ChatContext ctx, DialogState state) {
        ctx.save(state.next("audience"));
        long unit = Long.parseLong(state.get("unit"));
        ctx.reply(ctx.message("meeting.create.ask_audience", org.label(unit)).withButtons(List.of(
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
        audienceChosen(ctx, state, units);
    }

    /** The audience she chose (checked against her unit), then the preview again. */
    void audienceChosen(ChatContext ctx, DialogState state, Set<Long> units) {
        AudienceKind kind = audienceKind(state, units);
        DialogState next = withPicked(state, units).with("audience", kind.name());
        activities.check(accounts.actor(ctx.sender()), draft(next));
        preview(ctx, next);
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

    /**
     * Checks everything, then shows what will be created: Xác nhận, and buttons to change the name, the end and
     * whom to invite (her whole unit unless she chose otherwise), or to drop it.
     */
    void preview(ChatContext ctx, DialogState state) {
        DialogState ready = state.get("audience") != null ? state.next("confirm")
                : withPicked(state, Set.of(Long.valueOf(state.get("unit")))).with("audience", AudienceKind.SUBTREE.name())
                        .next("confirm");
        ActivityDraft draft = draft(ready);
        Actor actor = accounts.actor(ctx.sender());
        activities.check(actor, draft);
        ctx.save(ready);
        String audience = draft.audienceUnits().stream().map(org::label)
                .collect(Collectors.joining(", "));
        var preview = new vn.hoibot.meeting.ActivityView(0, draft.unitId(), draft.typeCode(), draft.title(),
                draft.startsAt(), draft.endsAt(), draft.place(), draft.link(), draft.partners(), draft.audienceKind(),
                draft.audienceUnits(), false, actor.memberId(), null);
        String described = texts.describe(preview, ctx.locale());
        Recurrence rule = rule(ready);
        if (rule != null) {
            described += "\n" + ctx.text("meeting.recur.line", texts.recurrence(rule, ctx.locale()));
        }
        ctx.reply(ctx.message("meeting.create.preview", described, audience).withButtons(List.of(
                List.of(ctx.button("meeting.create.confirm", CreateActivityButtons.CONFIRM,
                        new CreateActivityButtons.Answer(true))),
                List.of(ctx.button("meeting.create.edit.title", CreateActivityButtons.EDIT, edit(Field.TITLE)),
                        ctx.button("meeting.create.edit.end", CreateActivityButtons.EDIT, edit(Field.END))),
                List.of(ctx.button("meeting.create.edit.audience", CreateActivityButtons.EDIT, edit(Field.AUDIENCE)),
                        ctx.button("meeting.create.abort", CreateActivityButtons.CONFIRM,
                                new CreateActivityButtons.Answer(false))))));
    }

    private static CreateActivityButtons.EditField edit(Field field) {
        return new CreateActivityButtons.EditField(field);
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
