package vn.hoibot.survey;

import static vn.hoibot.survey.RunStore.utc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.hoibot.survey.form.Answers;

/** Responses (one per member per run) and their answers, each saved as given. */
@Component
class ResponseStore {

    enum Status {
        IN_PROGRESS, FINISHED
    }

    /** How an answer came in: her own phone, a leader entering it for her, a paper sheet imported. */
    enum Source {
        SELF, LEADER, PAPER
    }

    record Response(long id, long runId, long memberId, Status status, Source source, Long enteredBy) {
    }

    private final JdbcClient jdbc;

    ResponseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Response> find(long runId, long memberId) {
        return jdbc.sql("""
                select id, run_id, member_id, status, source, entered_by from survey_response
                 where run_id = :r and member_id = :m""").param("r", runId).param("m", memberId)
                .query((rs, n) -> {
                    long by = rs.getLong("entered_by");
                    return new Response(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("member_id"),
                            Status.valueOf(rs.getString("status")), Source.valueOf(rs.getString("source")),
                            rs.wasNull() ? null : by);
                }).optional();
    }

    /** Her response to the run, created (in progress) when there is none yet. */
    Response start(long runId, long memberId, Source source, Long enteredBy, Instant consentedAt, Instant now) {
        Optional<Response> existing = find(runId, memberId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into survey_response (run_id, member_id, status, source, entered_by, consented_at, started_at,
                  updated_at)
                values (:r, :m, 'IN_PROGRESS', :s, :by, :c, :now, :now)""")
                .param("r", runId).param("m", memberId).param("s", source.name()).param("by", enteredBy)
                .param("c", utc(consentedAt)).param("now", utc(now)).update();
        return find(runId, memberId).orElseThrow();
    }

    void answer(long responseId, String question, String value, String typed, Instant now) {
        int changed = jdbc.sql("""
                update survey_answer set answer_value = :v, typed_text = :t, answered_at = :now
                 where response_id = :r and question = :q""")
                .param("v", value).param("t", typed).param("now", utc(now)).param("r", responseId)
                .param("q", question).update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into survey_answer (response_id, question, answer_value, typed_text, answered_at)
                    values (:r, :q, :v, :t, :now)""")
                    .param("r", responseId).param("q", question).param("v", value).param("t", typed)
                    .param("now", utc(now)).update();
        }
        touch(responseId, now);
    }

    /** Deletes her answers to questions other than these (those skip logic no longer asks), as ODK clears them. */
    void keepOnly(long responseId, java.util.Collection<String> questions) {
        answers(responseId).values().keySet().stream().filter(q -> !questions.contains(q)).toList()
                .forEach(q -> jdbc.sql("delete from survey_answer where response_id = :r and question = :q")
                        .param("r", responseId).param("q", q).update());
    }

    void finish(long responseId, Instant now) {
        jdbc.sql("update survey_response set status = 'FINISHED', finished_at = :now, updated_at = :now where id = :id")
                .param("now", utc(now)).param("id", responseId).update();
    }

    Answers answers(long responseId) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select question, answer_value from survey_answer where response_id = :r order by answered_at")
                .param("r", responseId).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        return new Answers(values);
    }

    private void touch(long responseId, Instant now) {
        jdbc.sql("update survey_response set updated_at = :now where id = :id").param("now", utc(now))
                .param("id", responseId).update();
    }
}
