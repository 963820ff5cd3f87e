package vn.hoibot.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.broadcast.AudienceSource;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.Messages;
import vn.hoibot.time.ServiceZone;

/**
 * For /thongbao: the invitees of a run in her subtree who have not sent their answers ({@code s:<run>}), so a
 * leader can nudge them in her own words. Runs still open or closed within the last 30 days are offered.
 */
@Component
class NonRespondents implements AudienceSource {

    private static final int OFFERED = 5;

    private final AccessPolicy policy;
    private final RunStore runs;
    private final DefinitionStore definitions;
    private final JdbcClient jdbc;
    private final Clock clock;

    NonRespondents(AccessPolicy policy, RunStore runs, DefinitionStore definitions, JdbcClient jdbc, Clock clock) {
        this.policy = policy;
        this.runs = runs;
        this.definitions = definitions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return "s";
    }

    @Override
    public Map<String, String> choices(ChatContext ctx, Actor actor) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        Map<String, String> choices = new LinkedHashMap<>();
        for (long unit : policy.units(actor, Permission.BROADCAST)) {
            for (SurveyRun run : runs.runsWithin(unit, ServiceZone.today(clock), OFFERED)) {
                if (run.closesAt().isAfter(since) && run.status() == SurveyRun.Status.OPEN) {
                    choices.put(ctx.text("survey.audience.non-respondents",
                            definitions.form(run.definitionId()).title().in(ctx.locale()), run.id()), "s:" + run.id());
                }
            }
        }
        return choices;
    }

    @Override
    public Optional<Members> resolve(ChatContext ctx, Actor actor, String spec) {
        long runId;
        try {
            runId = Long.parseLong(spec.substring(2));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return runs.find(runId).filter(run -> policy.can(actor, Permission.BROADCAST, run.unitId())).map(run -> {
            List<Long> ids = jdbc.sql("""
                    select i.member_id from survey_invitee i
                     where i.run_id = :r and not exists (select 1 from survey_response s
                       where s.run_id = i.run_id and s.member_id = i.member_id and s.status = 'FINISHED')
                     order by i.member_id""").param("r", runId).query(Long.class).list();
            String title = definitions.form(run.definitionId()).title().vi();
            return new Members(run.unitId(), ctx.textIn(Messages.VIETNAMESE, "survey.audience.non-respondents",
                    title, run.id()), ids);
        });
    }
}
