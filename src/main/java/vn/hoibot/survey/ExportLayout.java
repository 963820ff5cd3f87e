package vn.hoibot.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.QuestionType;
import vn.hoibot.survey.form.SurveyForm;
import vn.hoibot.time.ServiceZone;

/**
 * The columns of a run's responses as KoBoToolbox exports them ("XML values and headers"): one column per question
 * by its name, holding the choice names (a select_multiple's separated by spaces, as stored), then for each
 * select_multiple one 0/1 column per choice named {@code question/choice}; then the meta columns ({@code _id} and
 * those of the member, her unit, how the answers came in, when she sent them, the definition version). The paper
 * import reads the same layout back.
 */
final class ExportLayout {

    static final String ID = "_id";
    static final String MEMBER = "_member_id";
    static final String NAME = "_name";
    static final String UNIT = "_unit";
    static final String SOURCE = "_source";
    static final String SUBMITTED = "_submission_time";
    static final String VERSION = "__version__";
    static final List<String> META = List.of(ID, MEMBER, NAME, UNIT, SOURCE, SUBMITTED, VERSION);

    /** One column: a question's answer, or (choice not null) whether a select_multiple's choice was ticked. */
    record Column(Question question, Choice choice) {
        String header() {
            return choice == null ? question.name() : question.name() + "/" + choice.name();
        }
    }

    /** A response as the export reads it: its answers by question name. */
    record Response(long id, Long memberId, String name, String unit, String source, OffsetDateTime finishedAt,
            Map<String, String> answers) {
    }

    private final SurveyForm form;
    private final List<Column> columns = new ArrayList<>();

    ExportLayout(SurveyForm form) {
        this.form = form;
        for (Question q : form.questions()) {
            if (!q.type().answered()) {
                continue;
            }
            columns.add(new Column(q, null));
            if (q.type() == QuestionType.SELECT_MULTIPLE) {
                form.choicesOf(q).forEach(c -> columns.add(new Column(q, c)));
            }
        }
    }

    List<Column> columns() {
        return columns;
    }

    List<String> headers() {
        List<String> out = new ArrayList<>(columns.stream().map(Column::header).toList());
        out.addAll(META);
        return out;
    }

    /** The row of a response: numbers as numbers, dates as dates, a choice column 0 or 1 (blank when unanswered). */
    List<Object> row(Response r) {
        List<Object> out = new ArrayList<>(columns.size() + META.size());
        for (Column c : columns) {
            String v = r.answers().get(c.question().name());
            if (v == null || v.isEmpty()) {
                out.add(null);
            } else if (c.choice() != null) {
                out.add(Arrays.asList(v.split(" ")).contains(c.choice().name()) ? 1 : 0);
            } else {
                out.add(value(c.question().type(), v));
            }
        }
        out.add(r.id());
        out.add(r.memberId());
        out.add(r.name());
        out.add(r.unit());
        out.add(r.source());
        out.add(r.finishedAt() == null ? null
                : r.finishedAt().atZoneSameInstant(ServiceZone.VIETNAM).toLocalDateTime().toString());
        out.add(form.version());
        return out;
    }

    private static Object value(QuestionType type, String v) {
        try {
            if (type.numeric()) {
                return new BigDecimal(v);
            }
            if (type == QuestionType.DATE) {
                return LocalDate.parse(v);
            }
        } catch (RuntimeException e) {
            return v; // stored before a definition change: shown as stored
        }
        return v;
    }
}
