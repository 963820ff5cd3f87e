package vn.hoibot.meeting.bot;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.meeting.Activities;
import vn.hoibot.meeting.ActivityView;
import vn.hoibot.meeting.MeetingTexts;
import vn.hoibot.meeting.RecurringActivities;
import vn.hoibot.member.Accounts;
import vn.hoibot.time.Recurrence;
import vn.hoibot.access.Actor;

/** The buttons of the /taohop dialog; a button from a step she has left is refused and changes nothing. */
class CreateActivityButtons {

    static final String UNIT = "meeting.create.unit";
    static final String TYPE = "meeting.create.type";
    static final String AUDIENCE = "meeting.create.audience";
    static final String PICK = "meeting.create.pick";
    static final String CONFIRM = "meeting.create.confirm";
    static final String PLACE = "meeting.create.place";
    static final String NO_PARTNERS = "meeting.create.no_partners";
    static final String EDIT = "meeting.create.edit";

    /** A unit: where the activity is held, or one to add to (or drop from) the audience. */
    record UnitRef(long unitId) {
    }

    /** The activity type's code. */
    record TypeChoice(String code) {
    }

    /** The audience step: the whole unit, pick units, or done picking. */
    record AudienceStep(Choice choice) {
        enum Choice { ALL, PICK, DONE }
    }

    /** A place used before (null: none yet). */
    record PlaceChoice(String place) {
    }

    /** What to change from the preview. */
    record EditField(Field field) {
        enum Field { TITLE, END, AUDIENCE }
    }

    /** Create it, or not. */
    record Answer(boolean yes) {
    }

    private CreateActivityButtons() {
    }

    static DialogState at(ChatContext ctx, String... steps) {
        DialogState state = ctx.dialog().filter(s -> s.dialog().equals(CreateActivityDialog.NAME))
                .orElseThrow(() -> new UserFacingException("meeting.create.stale"));
        for (String step : steps) {
            if (step.equals(state.step())) {
                return state;
            }
        }
        throw new UserFacingException("meeting.create.stale");
    }

    abstract static class Step<P extends Record> implements ButtonAction<P> {

        final CreateActivityDialog dialog;
        private final String action;

        Step(CreateActivityDialog dialog, String action) {
            this.dialog = dialog;
            this.action = action;
        }

        @Override
        public String action() {
            return action;
        }
    }

    @Component
    static class Unit extends Step<UnitRef> {

        Unit(CreateActivityDialog dialog) {
            super(dialog, UNIT);
        }

        @Override
        public Class<UnitRef> payloadType() {
            return UnitRef.class;
        }

        @Override
        public void onPress(ChatContext ctx, UnitRef payload, String messageId) {
            dialog.unitChosen(ctx, at(ctx, "unit"), payload.unitId());
        }
    }

    @Component
    static class Place extends Step<PlaceChoice> {

        Place(CreateActivityDialog dialog) {
            super(dialog, PLACE);
        }

        @Override
        public Class<PlaceChoice> payloadType() {
            return PlaceChoice.class;
        }

        @Override
        public void onPress(ChatContext ctx, PlaceChoice payload, String messageId) {
            dialog.placeGiven(ctx, at(ctx, "place"), payload.place());
        }
    }

    @Component
    static class NoPartners extends Step<vn.hoibot.chat.ButtonPayloads.None> {

        NoPartners(CreateActivityDialog dialog) {
            super(dialog, NO_PARTNERS);
        }

        @Override
        public Class<vn.hoibot.chat.ButtonPayloads.None> payloadType() {
            return vn.hoibot.chat.ButtonPayloads.None.class;
        }

        @Override
        public void onPress(ChatContext ctx, vn.hoibot.chat.ButtonPayloads.None payload, String messageId) {
            dialog.preview(ctx, at(ctx, "partners").with("partners", null));
        }
    }

    @Component
    static class Edit extends Step<EditField> {

        Edit(CreateActivityDialog dialog) {
            super(dialog, EDIT);
        }

        @Override
        public Class<EditField> payloadType() {
            return EditField.class;
        }

        @Override
        public void onPress(ChatContext ctx, EditField payload, String messageId) {
            DialogState state = at(ctx, "confirm");
            switch (payload.field()) {
                case TITLE -> {
                    ctx.save(state.next("title"));
                    ctx.reply("meeting.create.ask_title", state.get("title"));
                }
                case END -> dialog.askEnd(ctx, state);
                default -> dialog.askAudience(ctx, state);
            }
        }
    }

    @Component
    static class Type extends Step<TypeChoice> {

        Type(CreateActivityDialog dialog) {
            super(dialog, TYPE);
        }

        @Override
        public Class<TypeChoice> payloadType() {
            return TypeChoice.class;
        }

        @Override
        public void onPress(ChatContext ctx, TypeChoice payload, String messageId) {
            dialog.typeChosen(ctx, at(ctx, "type"), payload.code());
        }
    }

    @Component
    static class Audience extends Step<AudienceStep> {

        Audience(CreateActivityDialog dialog) {
            super(dialog, AUDIENCE);
        }

        @Override
        public Class<AudienceStep> payloadType() {
            return AudienceStep.class;
        }

        @Override
        public void onPress(ChatContext ctx, AudienceStep payload, String messageId) {
            DialogState state = at(ctx, "audience");
            switch (payload.choice()) {
                case ALL -> dialog.audienceChosen(ctx, state, Set.of(Long.valueOf(state.get("unit"))));
                case PICK -> {
                    DialogState none = CreateActivityDialog.withPicked(state, Set.of());
                    ctx.save(none);
                    dialog.showPicker(ctx, none, null);
                }
                default -> dialog.audienceChosen(ctx, state, CreateActivityDialog.picked(state));
            }
        }
    }

    @Component
    static class Pick extends Step<UnitRef> {

        Pick(CreateActivityDialog dialog) {
            super(dialog, PICK);
        }

        @Override
        public Class<UnitRef> payloadType() {
            return UnitRef.class;
        }

        @Override
        public void onPress(ChatContext ctx, UnitRef payload, String messageId) {
            DialogState state = at(ctx, "audience");
            Set<Long> units = CreateActivityDialog.picked(state);
            Long unit = payload.unitId();
            if (!units.remove(unit)) {
                units.add(unit);
            }
            DialogState next = CreateActivityDialog.withPicked(state, units);
            ctx.save(next);
            dialog.showPicker(ctx, next, messageId);
        }
    }

    @Component
    static class Confirm extends Step<Answer> {

        private final Activities activities;
        private final RecurringActivities recurring;
        private final Accounts accounts;
        private final MeetingTexts texts;

        Confirm(CreateActivityDialog dialog, Activities activities, RecurringActivities recurring, Accounts accounts,
                MeetingTexts texts) {
            super(dialog, CONFIRM);
            this.activities = activities;
            this.recurring = recurring;
            this.accounts = accounts;
            this.texts = texts;
        }

        @Override
        public Class<Answer> payloadType() {
            return Answer.class;
        }

        @Override
        public void onPress(ChatContext ctx, Answer payload, String messageId) {
            DialogState state = at(ctx, "confirm");
            ctx.endDialog();
            if (!payload.yes()) {
                ctx.edit(messageId, ctx.message("meeting.create.aborted"));
                return;
            }
            Actor actor = accounts.actor(ctx.sender());
            Recurrence rule = CreateActivityDialog.rule(state);
            ActivityView created;
            String described;
            if (rule == null) {
                created = activities.create(actor, dialog.draft(state));
                described = texts.describe(created, ctx.locale());
            } else {
                List<ActivityView> made = recurring.create(actor, dialog.draft(state), rule);
                created = made.get(0);
                described = texts.describe(created, ctx.locale()) + "\n"
                        + ctx.text("meeting.recur.made", texts.recurrence(rule, ctx.locale()), made.size(),
                                String.valueOf(created.seriesId()));
            }
            ctx.edit(messageId, ctx.message("meeting.create.done", described,
                    activities.invitees(created.id()).size(), activities.checkinCode(actor, created.id()),
                    String.valueOf(created.id())));
        }
    }
}
