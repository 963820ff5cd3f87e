package vn.hoibot.survey;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.access.AccessPolicy;
import vn.hoibot.access.Actor;
import vn.hoibot.access.Permission;
import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.CommandHandler;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.text.Texts;

/**
 * {@code /traloigiup <run> <name>}: a leader answers a run for a member of her own subtree who has no phone, through
 * the same dialog; the response is recorded as entered by her ({@code source} LEADER, {@code entered_by}). She is
 * found by name among the run's invitees in the leader's units (several: a button each).
 */
@Component
class ProxyCommand implements CommandHandler, ButtonAction<ProxyCommand.Pick> {

    /** Answers run {@code run} for member {@code member}. */
    record Pick(long run, long member) {
    }

    record Candidate(long memberId, String name, long unitId) {
    }

    static final String ACTION = "survey.proxy";
    private static final int LISTED = 8;

    private final Accounts accounts;
    private final AccessPolicy policy;
    private final AnswerDialog dialog;
    private final JdbcClient jdbc;

    ProxyCommand(Accounts accounts, AccessPolicy policy, AnswerDialog dialog, JdbcClient jdbc) {
        this.accounts = accounts;
        this.policy = policy;
        this.dialog = dialog;
        this.jdbc = jdbc;
    }

    @Override
    public String command() {
        return "traloigiup";
    }

    @Override
    public String descriptionKey() {
        return "survey.proxy.description";
    }

    @Override
    public Menu menu() {
        return Menu.LEADER;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Pick> payloadType() {
        return Pick.class;
    }

    @Override
    public void handle(ChatContext ctx, String args) {
        Actor actor = leader(ctx);
        String[] words = args.strip().split("\\s+", 2);
        long run;
        try {
            run = Long.parseLong(words[0].replace("#", ""));
        } catch (NumberFormatException e) {
            throw new UserFacingException("survey.proxy.usage");
        }
        if (words.length < 2 || Texts.fold(words[1]).length() < 2) {
            throw new UserFacingException("survey.proxy.usage");
        }
        List<Candidate> found = candidates(actor, run, words[1]);
        if (found.isEmpty()) {
            throw new UserFacingException("survey.proxy.none", words[1].strip());
        }
        if (found.size() == 1) {
            begin(ctx, actor, run, found.get(0));
            return;
        }
        ctx.reply(ctx.message("survey.proxy.choose", found.size()).withButtons(found.stream().limit(LISTED)
                .map(c -> List.of(ctx.buttonLabelled(c.name(), ACTION, new Pick(run, c.memberId())))).toList()));
    }

    @Override
    public void onPress(ChatContext ctx, Pick payload, String messageId) {
        Actor actor = leader(ctx);
        Candidate c = invitee(payload.run(), payload.member())
                .filter(i -> policy.can(actor, Permission.RUN_SURVEY, i.unitId()))
                .orElseThrow(() -> new UserFacingException("survey.results.no-rights"));
        begin(ctx, actor, payload.run(), c);
    }

    private void begin(ChatContext ctx, Actor actor, long run, Candidate c) {
        if (actor.memberId() == null) {
            throw new UserFacingException("survey.not-linked");
        }
        ctx.reply("survey.proxy.start", c.name());
        dialog.start(ctx, run, c.memberId(), actor.memberId());
    }

    private Actor leader(ChatContext ctx) {
        Actor actor = accounts.actor(ctx.sender());
        if (policy.units(actor, Permission.RUN_SURVEY).isEmpty()) {
            throw new UserFacingException("survey.results.no-rights");
        }
        return actor;
    }

    /** The run's invitees whose name holds the words, in units she may run surveys in, not the leader herself. */
    private List<Candidate> candidates(Actor actor, long run, String name) {
        String pattern = "%" + Texts.fold(name).replace("%", "").replace("_", "") + "%";
        return jdbc.sql("""
                select i.member_id, m.full_name, i.unit_id from survey_invitee i join member m on m.id = i.member_id
                 where i.run_id = :r and m.name_key like :p and m.status = 'ACTIVE'
                 order by m.name_key, m.id""").param("r", run).param("p", pattern)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getLong(3))).list().stream()
                .filter(c -> !Long.valueOf(c.memberId()).equals(actor.memberId()))
                .filter(c -> policy.can(actor, Permission.RUN_SURVEY, c.unitId())).toList();
    }

    private java.util.Optional<Candidate> invitee(long run, long member) {
        return jdbc.sql("""
                select i.member_id, m.full_name, i.unit_id from survey_invitee i join member m on m.id = i.member_id
                 where i.run_id = :r and i.member_id = :m""").param("r", run).param("m", member)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getLong(3))).optional();
    }
}
