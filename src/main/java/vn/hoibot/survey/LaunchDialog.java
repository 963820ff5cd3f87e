package vn.hoibot.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.broadcast.AudienceMembers;
import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Dialog;
import vn.hoibot.chat.DialogState;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;
import vn.hoibot.time.VietnameseDates;

/**
 * A leader launches a run: the survey (buttons), the audience inside her subtree (the audiences of /thongbao),
 * the opening ({@code Mở ngay} or a date as the meeting module reads them) and the closing date, a preview of the
 * invitation as members will read it, then {@code Xác nhận}. Nothing is stored before she confirms.
 */
@Component
class LaunchDialog implements Dialog, ButtonAction<LaunchDialog.Step> {

    /** A launch button: what it does ({@code new, form, aud, now, ok, cancel}) and its value. */
    record Step(String verb, String value) {
    }

    static final String DIALOG = "survey.launch";
    static final String ACTION = "survey.launch";

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final AudienceMembers audiences;
    private final FormLibrary library;
    private final SurveyLaunch launch;
    private final Clock clock;

    LaunchDialog(Accounts accounts, AccessPolicy policy, AudienceMembers audiences, FormLibrary library,
            SurveyLaunch launch, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.audiences = audiences;
        this.library = library;
        this.launch = launch;
        this.clock = clock;
    }

    @Override
    public String name() {
        return DIALOG;
    }

    @Override
    public String action() {
        return ACTION;
    }

    private Actor leader(ChatContext ctx) {
        Actor actor = accounts.actor(ctx.sender());
        if (policy.units(actor, Permission.RUN_SURVEY).isEmpty()) {
            throw new UserFacingException("survey.launch.no-rights");
        }
        return actor;
    }

    @Override
    public Class<Step> payloadType() {
        return Step.class;
    }

    @Override
    public void onPress(ChatContext ctx, Step payload, String messageId) {
        Actor actor = leader(ctx);
        String[] f = { payload.verb(), payload.value() };
        DialogState state = ctx.dialog().filter(s -> s.dialog().equals(DIALOG)).orElse(null);
        if (!f[0].equals("new") && state == null) {
            throw new UserFacingException("chat.button.expired");
        }
        switch (f[0]) {
            case "new" -> {
                ctx.startDialog(DIALOG, "form", Map.of());
                List<List<Button>> rows = new ArrayList<>();
                for (FormLibrary.Entry entry : library.visibleTo(actor)) {
                    SurveyForm form = entry.form();
                    rows.add(List.of(ctx.buttonLabelled(form.title().in(ctx.locale()), ACTION, new Step("form", form.formId()))));
                }
                ctx.reply(ctx.message("survey.launch.ask-form").withButtons(rows));
            }
            case "form" -> {
                library.find(actor, f[1]).orElseThrow(() -> new UserFacingException("survey.launch.unknown-form"));
                ctx.save(state.with("form", f[1]).next("audience"));
                List<List<Button>> rows = new ArrayList<>();
                audiences.choices(ctx, actor, Permission.RUN_SURVEY).forEach((label, spec) ->
                        rows.add(List.of(ctx.buttonLabelled(label, ACTION, new Step("aud", spec)))));
                ctx.edit(messageId, ctx.message("survey.launch.ask-audience").withButtons(rows));
            }
            case "aud" -> {
                AudienceSource.Members members = audiences.members(ctx, actor, Permission.RUN_SURVEY, f[1])
                        .orElseThrow(() -> new UserFacingException("chat.button.expired"));
                if (members.memberIds().isEmpty()) {
                    throw new UserFacingException("survey.launch.empty-audience");
                }
                ctx.save(state.with("spec", f[1]).next("opens"));
                ctx.edit(messageId, ctx.message("survey.launch.ask-opens").withButtons(List.of(List.of(
                        ctx.button("survey.button.open-now", ACTION, new Step("now", ""))))));
            }
            case "now" -> {
                ctx.save(state.with("opens", Long.toString(clock.instant().toEpochMilli())).next("closes"));
                ctx.edit(messageId, ctx.message("survey.launch.ask-closes"));
            }
            case "ok" -> confirm(ctx, actor, state, messageId);
            default -> {
                ctx.endDialog();
                ctx.edit(messageId, ctx.message("survey.launch.cancelled"));
            }
        }
    }

    @Override
    public void onText(ChatContext ctx, DialogState state, String text) {
        LocalDate today = ServiceZone.today(clock);
        switch (state.step()) {
            case "opens" -> {
                VietnameseDates.Parsed parsed = VietnameseDates.parse(text, today);
                Instant opens = parsed.date() == null ? clock.instant()
                        : atTime(parsed.date(), parsed.time() == null ? LocalTime.of(7, 0) : parsed.time());
                if (opens.isBefore(clock.instant())) {
                    opens = clock.instant();
                }
                ctx.save(state.with("opens", Long.toString(opens.toEpochMilli())).next("closes"));
                ctx.reply("survey.launch.ask-closes");
            }
            case "closes" -> {
                VietnameseDates.Parsed parsed = VietnameseDates.parse(text, today);
                if (parsed.date() == null) {
                    throw new UserFacingException("survey.launch.bad-close");
                }
                Instant closes = parsed.time() == null ? atTime(parsed.date().plusDays(1), LocalTime.MIDNIGHT)
                        : atTime(parsed.date(), parsed.time());
                Instant opens = Instant.ofEpochMilli(Long.parseLong(state.get("opens")));
                if (!closes.isAfter(opens) || !closes.isAfter(clock.instant())) {
                    throw new UserFacingException("survey.launch.bad-close");
                }
                DialogState next = state.with("closes", Long.toString(closes.toEpochMilli())).next("preview");
                ctx.save(next);
                preview(ctx, next, opens, closes);
            }
            default -> ctx.reply("survey.launch.use-buttons");
        }
    }

    private void preview(ChatContext ctx, DialogState state, Instant opens, Instant closes) {
        Actor actor = leader(ctx);
        SurveyForm form = library.find(actor, state.get("form"))
                .orElseThrow(() -> new UserFacingException("survey.launch.unknown-form")).form();
        AudienceSource.Members members = audiences.members(ctx, actor, Permission.RUN_SURVEY, state.get("spec"))
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        String open = opens.atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY);
        String close = closes.minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate().format(SurveyLaunch.DAY);
        ctx.reply(ctx.message("survey.launch.preview", launch.invitation(ctx.locale(), form, closes),
                members.description(), members.memberIds().size(), open, close).withButtons(List.of(List.of(
                        ctx.button("survey.button.confirm", ACTION, new Step("ok", "")),
                        ctx.button("survey.button.cancel", ACTION, new Step("cancel", ""))))));
    }

    private void confirm(ChatContext ctx, Actor actor, DialogState state, String messageId) {
        if (state.get("closes") == null) {
            throw new UserFacingException("chat.button.expired");
        }
        AudienceSource.Members members = audiences.members(ctx, actor, Permission.RUN_SURVEY, state.get("spec"))
                .orElseThrow(() -> new UserFacingException("chat.button.expired"));
        Instant opens = Instant.ofEpochMilli(Long.parseLong(state.get("opens")));
        Instant closes = Instant.ofEpochMilli(Long.parseLong(state.get("closes")));
        long runId = launch.launch(actor, state.get("form"), members, state.get("spec"), opens, closes);
        ctx.endDialog();
        ctx.edit(messageId, ctx.message("survey.launch.done", runId, members.memberIds().size()));
    }

    private static Instant atTime(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, ServiceZone.VIETNAM).toInstant();
    }
}
