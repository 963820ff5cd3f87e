package vn.hoibot.survey;

import static vn.hoibot.survey.RunStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Definitions sent to the bot: who sent which stored definition, for which subtree, when. The newest per form counts. */
@Component
class UploadStore {

    /** One upload; {@code unitId} null for every unit (an admin's), {@code uploadedBy} null for an admin off the roster. */
    record Upload(long id, long definitionId, String formId, String fileName, Long unitId, Long uploadedBy,
            Instant uploadedAt) {
    }

    private static final String COLUMNS = "id, definition_id, form_id, file_name, unit_id, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    UploadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long definitionId, String formId, String fileName, Long unitId, Long uploadedBy, Instant now) {
        jdbc.sql("""
                insert into survey_upload (definition_id, form_id, file_name, unit_id, uploaded_by, uploaded_at)
                values (:d, :f, :n, :u, :by, :t)""")
                .param("d", definitionId).param("f", formId).param("n", fileName).param("u", unitId)
                .param("by", uploadedBy).param("t", utc(now)).update();
    }

    Optional<Upload> latest(String formId) {
        return jdbc.sql("select " + COLUMNS + " from survey_upload where form_id = :f order by id desc")
                .param("f", formId).query(UploadStore::upload).list().stream().findFirst();
    }

    /** The newest upload of every form id, in the order they were first sent. */
    List<Upload> latestAll() {
        return jdbc.sql("select " + COLUMNS + """
                 from survey_upload u
                where u.id = (select max(v.id) from survey_upload v where v.form_id = u.form_id)
                order by u.form_id""").query(UploadStore::upload).list();
    }

    private static Upload upload(ResultSet rs, int n) throws SQLException {
        long unit = rs.getLong("unit_id");
        Long unitId = rs.wasNull() ? null : unit;
        long by = rs.getLong("uploaded_by");
        Long uploadedBy = rs.wasNull() ? null : by;
        return new Upload(rs.getLong("id"), rs.getLong("definition_id"), rs.getString("form_id"),
                rs.getString("file_name"), unitId, uploadedBy,
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
