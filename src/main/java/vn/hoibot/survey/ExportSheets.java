package vn.hoibot.survey;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.spreadsheet.SpreadsheetWriter;
import vn.hoibot.spreadsheet.SpreadsheetWriter.Percent;
import vn.hoibot.spreadsheet.SpreadsheetWriter.Sheet;
import vn.hoibot.survey.ExportLayout.Response;
import vn.hoibot.survey.SurveyResults.QuestionFigures;
import vn.hoibot.survey.form.Choice;
import vn.hoibot.survey.form.Question;
import vn.hoibot.survey.form.SurveyForm;

/**
 * The sheets of a run's export, streamed: the responses (one row per finished response, read from the database
 * with a cursor while the workbook is written), the questions (name, label, type, choices) and the aggregates
 * (counts and shares, or mean, median, minimum and maximum; cells under {@code hoibot.survey.small-cell} suppressed
 * for provincial cadres, who get no responses). CSV holds the responses (a cadre's: the aggregates).
 */
@Component
class ExportSheets {

    private record AnswerRow(long response, long member, String name, long unit, String source,
            OffsetDateTime finishedAt, String question, String value) {
    }

    private final JdbcClient cursor;
    private final TransactionTemplate readOnly;
    private final SurveyResults results;
    private final ResultsAccess access;
    private final OrgService org;
    private final MessageSource messages;
    private final SurveyProperties properties;

    ExportSheets(DataSource dataSource, PlatformTransactionManager transactions, SurveyResults results,
            ResultsAccess access, OrgService org, MessageSource messages, SurveyProperties properties) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(1000);
        this.cursor = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.results = results;
        this.access = access;
        this.org = org;
        this.messages = messages;
        this.properties = properties;
    }

    void write(OutputStream out, ResultsExport.Format format, ResultsAccess.View view, SurveyForm form,
            LocalDate today, Locale locale) {
        readOnly.executeWithoutResult(status -> {
            Sheet aggregates = aggregates(view, form, today, locale);
            if (view.cadre()) {
                if (format == ResultsExport.Format.CSV) {
                    SpreadsheetWriter.writeCsv(out, aggregates.headers(), aggregates.rows());
                } else {
                    SpreadsheetWriter.writeXlsx(out, List.of(questions(form, locale), aggregates));
                }
                return;
            }
            ExportLayout layout = new ExportLayout(form);
            try (Stream<AnswerRow> answers = answers(view, today)) {
                Iterable<List<?>> rows = () -> responses(view, layout, answers.iterator());
                if (format == ResultsExport.Format.CSV) {
                    SpreadsheetWriter.writeCsv(out, layout.headers(), rows);
                } else {
                    SpreadsheetWriter.writeXlsx(out, List.of(new Sheet(text(locale, "survey.export.sheet-responses"),
                            layout.headers(), rows), questions(form, locale), aggregates));
                }
            }
        });
    }

    private Stream<AnswerRow> answers(ResultsAccess.View view, LocalDate today) {
        return cursor.sql(SurveyResults.TREE + """
                select r.id, r.member_id, m.full_name, i.unit_id, r.source, r.finished_at, a.question, a.answer_value
                  from survey_response r
                  join survey_invitee i on i.run_id = r.run_id and i.member_id = r.member_id
                  join tree t on t.id = i.unit_id
                  join member m on m.id = r.member_id
                  left join survey_answer a on a.response_id = r.id
                 where r.run_id = :run and r.status = 'FINISHED'
                 order by r.id""").param("root", view.scope()).param("day", today).param("run", view.run().id())
                .query((rs, n) -> new AnswerRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8)))
                .stream();
    }

    /** Groups the answer rows (ordered by response) into one row per response she may see. */
    private Iterator<List<?>> responses(ResultsAccess.View view, ExportLayout layout, Iterator<AnswerRow> answers) {
        Map<Long, Boolean> names = new HashMap<>();
        Map<Long, Boolean> visible = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        return new Iterator<>() {
            private AnswerRow pending = answers.hasNext() ? answers.next() : null;
            private List<?> next = advance();

            private List<?> advance() {
                while (pending != null) {
                    AnswerRow first = pending;
                    Map<String, String> values = new LinkedHashMap<>();
                    while (pending != null && pending.response() == first.response()) {
                        if (pending.question() != null) {
                            values.put(pending.question(), pending.value());
                        }
                        pending = answers.hasNext() ? answers.next() : null;
                    }
                    if (!visible.computeIfAbsent(first.unit(), u -> access.answers(view, u))) {
                        continue;
                    }
                    boolean named = names.computeIfAbsent(first.unit(), u -> access.names(view, u));
                    String unit = units.computeIfAbsent(first.unit(),
                            u -> org.find(u).map(UnitView::name).orElse(""));
                    return layout.row(new Response(first.response(), named ? first.member() : null,
                            named ? first.name() : null, unit, first.source(), first.finishedAt(), values));
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<?> next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                List<?> out = next;
                next = advance();
                return out;
            }
        };
    }

    private Sheet questions(SurveyForm form, Locale locale) {
        List<List<?>> rows = new ArrayList<>();
        for (Question q : form.questions()) {
            if (!q.type().answered()) {
                continue;
            }
            rows.add(List.of(q.name(), q.label().in(locale), q.type().name().toLowerCase(Locale.ROOT),
                    q.required() ? 1 : 0, form.choicesOf(q).stream().map(c -> c.name() + " = " + c.label().in(locale))
                            .collect(Collectors.joining("; "))));
        }
        return new Sheet(text(locale, "survey.export.sheet-questions"), List.of(),
                List.of("name", text(locale, "survey.export.col-label"), "type", "required", "choices"),
                List.of(24, 60, 16, 10, 60), rows);
    }

    private Sheet aggregates(ResultsAccess.View view, SurveyForm form, LocalDate today, Locale locale) {
        boolean suppress = view.cadre();
        int small = properties.smallCell();
        List<List<?>> rows = new ArrayList<>();
        for (QuestionFigures f : results.figures(view.run().id(), form, view.scope(), today)) {
            Question q = f.question();
            String label = q.label().in(locale);
            rows.add(List.of(q.name(), label, text(locale, "survey.export.answered"), cell(f.answered(), suppress,
                    locale), ""));
            if (q.type().select()) {
                for (Choice c : form.choicesOf(q)) {
                    long count = f.choices().getOrDefault(c.name(), 0L);
                    boolean hidden = suppress && count > 0 && count < small;
                    rows.add(List.of(q.name(), label, c.label().in(locale), cell(count, suppress, locale),
                            hidden || f.answered() == 0 ? "" : new Percent((double) count / f.answered())));
                }
            } else if (q.type().numeric() && !f.numbers().isEmpty() && !(suppress && f.numbers().size() < small)) {
                var v = f.numbers();
                rows.add(List.of(q.name(), label, text(locale, "survey.export.mean"), SurveyResults.mean(v), ""));
                rows.add(List.of(q.name(), label, text(locale, "survey.export.median"), SurveyResults.median(v), ""));
                rows.add(List.of(q.name(), label, text(locale, "survey.export.min"), v.get(0), ""));
                rows.add(List.of(q.name(), label, text(locale, "survey.export.max"), v.get(v.size() - 1), ""));
            }
        }
        return new Sheet(text(locale, "survey.export.sheet-aggregates"), List.of(text(locale,
                "survey.export.aggregates-title", org.find(view.scope()).map(UnitView::name).orElse(""))),
                List.of("name", text(locale, "survey.export.col-label"), text(locale, "survey.export.col-answer"),
                        text(locale, "survey.export.col-count"), text(locale, "survey.export.col-share")),
                List.of(24, 60, 40, 12, 12), rows);
    }

    private Object cell(long count, boolean suppress, Locale locale) {
        return suppress && count > 0 && count < properties.smallCell()
                ? text(locale, "survey.results.small", properties.smallCell()) : (Object) count;
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
