package vn.hoibot.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * /khaosat: a member sees the surveys open for her ({@code Bắt đầu} or {@code Tiếp tục} each); a leader also gets
 * {@code Mở đợt khảo sát mới} ({@link LaunchDialog}).
 */
@Component
class SurveyCommand implements CommandHandler {

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final RunStore runs;
    private final ResponseStore responses;
    private final DefinitionStore definitions;
    private final Clock clock;

    SurveyCommand(Accounts accounts, AccessPolicy policy, RunStore runs, ResponseStore responses,
            DefinitionStore definitions, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.runs = runs;
        this.responses = responses;
        this.definitions = definitions;
        this.clock = clock;
    }

    @Override
    public String command() {
        return "khaosat";
    }

    @Override
    public String descriptionKey() {
        return "survey.command.description";
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        long member = accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .orElseThrow(() -> new UserFacingException("survey.not-linked"));
        Actor actor = accounts.actor(ctx.sender());
        Instant now = clock.instant();
        List<List<Button>> rows = new ArrayList<>();
        for (SurveyRun run : runs.openFor(member, now)) {
            SurveyForm form = definitions.form(run.definitionId());
            var response = responses.find(run.id(), member);
            String state = response.map(r -> r.status() == ResponseStore.Status.FINISHED ? "survey.list.finished"
                    : "survey.list.started").orElse("survey.list.new");
            String close = run.closesAt().minusSeconds(1).atZone(ServiceZone.VIETNAM).toLocalDate()
                    .format(SurveyLaunch.DAY);
            rows.add(List.of(ctx.buttonLabelled(ctx.text(state, form.title().in(ctx.locale()), close),
                    StartButton.ACTION, new StartButton.Run(run.id()))));
        }
        boolean leader = !policy.units(actor, Permission.RUN_SURVEY).isEmpty();
        if (leader) {
            rows.add(List.of(ctx.button("survey.button.launch", LaunchDialog.ACTION, new LaunchDialog.Step("new", ""))));
        }
        if (rows.isEmpty()) {
            ctx.reply("survey.list.none");
            return;
        }
        ctx.reply(ctx.message(rows.size() > (leader ? 1 : 0) ? "survey.list.open" : "survey.list.none-leader")
                .withButtons(rows));
    }
}
