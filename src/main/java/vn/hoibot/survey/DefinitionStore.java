package vn.hoibot.survey;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import vn.hoibot.survey.form.DefinitionResult;
import vn.hoibot.survey.form.FormValidator;
import vn.hoibot.survey.form.RawForm;
import vn.hoibot.survey.form.SurveyForm;

/**
 * Keeps every definition version a run was launched with (the rows as read, as JSON), so a run reads the same
 * form however its file changes later. A changed file under an unchanged version is stored as a version of its own.
 */
@Component
class DefinitionStore {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Long, SurveyForm> cache = new ConcurrentHashMap<>();

    DefinitionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of this exact definition, stored now if it was not yet. */
    @Transactional
    long store(SurveyForm form, RawForm raw) {
        String rows = json.writeValueAsString(raw);
        String version = form.version();
        Optional<Map.Entry<Long, String>> same = find(form.formId(), version);
        if (same.isPresent() && !sameRows(same.get().getValue(), rows, raw)) {
            version = version + "~" + raw.contentHash();
            same = find(form.formId(), version);
        }
        if (same.isPresent()) {
            return same.get().getKey();
        }
        jdbc.sql("""
                insert into survey_definition (form_id, version, kind, file_name, raw_form, stored_at)
                values (:f, :v, :k, :n, :r, :t)""")
                .param("f", form.formId()).param("v", version).param("k", form.kind().name()).param("n", raw.file())
                .param("r", rows).param("t", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return find(form.formId(), version).orElseThrow().getKey();
    }

    /** The form of a stored definition, validated again from its rows. */
    SurveyForm form(long definitionId) {
        return cache.computeIfAbsent(definitionId, id -> {
            String rows = jdbc.sql("select raw_form from survey_definition where id = :id").param("id", id)
                    .query(String.class).single();
            DefinitionResult result = FormValidator.validate(json.readValue(rows, RawForm.class));
            if (!result.valid()) {
                throw new IllegalStateException("Stored survey definition " + id + " no longer validates");
            }
            return result.form();
        });
    }

    /** The rows a stored definition was read from. */
    RawForm raw(long definitionId) {
        String rows = jdbc.sql("select raw_form from survey_definition where id = :id").param("id", definitionId)
                .query(String.class).single();
        return json.readValue(rows, RawForm.class);
    }

    /** The same definition, whatever the order of its JSON's object members (versions stored by earlier builds). */
    private boolean sameRows(String stored, String rows, RawForm raw) {
        return stored.equals(rows) || json.readValue(stored, RawForm.class).equals(raw);
    }

    private Optional<Map.Entry<Long, String>> find(String formId, String version) {
        return jdbc.sql("select id, raw_form from survey_definition where form_id = :f and version = :v")
                .param("f", formId).param("v", version)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
    }
}
