package vn.hoibot.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.SurveyForm;

/**
 * A run's figures inside a unit's subtree (as the tree stands on the day), computed from the invitees' units:
 * progress (invited, finished, partly answered, not started) and, over finished responses, per question the count
 * of each choice, or the count, mean, median, minimum and maximum of numbers.
 */
@Component
class SurveyResults {

    record Progress(long invited, long finished, long started) {
        long notStarted() {
            return invited - finished - started;
        }
    }

    /** The figures of one question: choice name → count (selects), or the numbers given (sorted). */
    record QuestionFigures(Question question, long answered, Map<String, Long> choices, List<BigDecimal> numbers) {
    }

    /** The unit {@code :root} and its subtree as the tree stands on {@code :day}. */
    static final String TREE = """
            with recursive tree (id) as (
              select u.id from org_unit u where u.id = :root
              union all
              select l.unit_id from org_unit_parent l join tree t on l.parent_id = t.id
               where l.valid_from <= :day and (l.valid_to is null or l.valid_to > :day))
            """;

    private final JdbcClient jdbc;

    SurveyResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    /**
     * Progress of the unit's whole subtree (under the unit's own id) and of each child's subtree (under the child's
     * id; a child without invitees is absent), in one query: every unit of the subtree carries the child it lies in.
     */
    @Transactional(readOnly = true)
    Map<Long, Progress> progressByChild(long runId, long unitId, LocalDate day) {
        Map<Long, Progress> out = new HashMap<>();
        long[] total = new long[3];
        jdbc.sql("""
                with recursive tree (id, child) as (
                  select u.id, cast(null as bigint) from org_unit u where u.id = :root
                  union all
                  select l.unit_id, coalesce(t.child, l.unit_id) from org_unit_parent l join tree t on l.parent_id = t.id
                   where l.valid_from <= :day and (l.valid_to is null or l.valid_to > :day))
                select t.child, count(*),
                       coalesce(sum(case when r.status = 'FINISHED' then 1 else 0 end), 0),
                       coalesce(sum(case when r.status = 'IN_PROGRESS' then 1 else 0 end), 0)
                  from survey_invitee i join tree t on t.id = i.unit_id
                  left join survey_response r on r.run_id = i.run_id and r.member_id = i.member_id
                 where i.run_id = :run
                 group by t.child""").param("root", unitId).param("day", day).param("run", runId).query(rs -> {
                    Progress p = new Progress(rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    long child = rs.getLong(1);
                    if (!rs.wasNull()) {
                        out.put(child, p);
                    }
                    total[0] += p.invited();
                    total[1] += p.finished();
                    total[2] += p.started();
                });
        out.put(unitId, new Progress(total[0], total[1], total[2]));
        return out;
    }

    @Transactional(readOnly = true)
    List<QuestionFigures> figures(long runId, SurveyForm form, long unitId, LocalDate day) {
        Map<String, Map<String, Long>> choices = new HashMap<>();
        Map<String, List<BigDecimal>> numbers = new HashMap<>();
        Map<String, Long> answered = new HashMap<>();
        // grouped in the database: one row per question and stored value, not one per answer (a province-wide run
        // has millions of answers)
        jdbc.sql(TREE + """
                select a.question, a.answer_value, count(*)
                  from survey_response r
                  join survey_invitee i on i.run_id = r.run_id and i.member_id = r.member_id
                  join tree t on t.id = i.unit_id
                  join survey_answer a on a.response_id = r.id
                 where r.run_id = :run and r.status = 'FINISHED' and a.answer_value <> ''
                 group by a.question, a.answer_value""")
                .param("root", unitId).param("day", day).param("run", runId).query(rs -> {
                    String q = rs.getString(1);
                    String v = rs.getString(2);
                    long n = rs.getLong(3);
                    answered.merge(q, n, Long::sum);
                    Question question = form.question(q).orElse(null);
                    if (question == null) {
                        return;
                    }
                    if (question.type().select()) {
                        Map<String, Long> counts = choices.computeIfAbsent(q, k -> new HashMap<>());
                        for (String name : v.split(" ")) {
                            counts.merge(name, n, Long::sum);
                        }
                    } else if (question.type().numeric()) {
                        List<BigDecimal> list = numbers.computeIfAbsent(q, k -> new ArrayList<>());
                        BigDecimal value = new BigDecimal(v); // one instance, n times: the list holds references
                        for (long k = 0; k < n; k++) {
                            list.add(value);
                        }
                    }
                });
        List<QuestionFigures> out = new ArrayList<>();
        for (Question q : form.questions()) {
            if (!q.type().answered()) {
                continue;
            }
            Map<String, Long> ordered = new LinkedHashMap<>();
            if (q.type().select()) {
                form.choicesOf(q).forEach(c -> ordered.put(c.name(), choices.getOrDefault(q.name(), Map.of())
                        .getOrDefault(c.name(), 0L)));
            }
            List<BigDecimal> nums = new ArrayList<>(numbers.getOrDefault(q.name(), List.of()));
            nums.sort(null);
            out.add(new QuestionFigures(q, answered.getOrDefault(q.name(), 0L), ordered, nums));
        }
        return out;
    }
}
