package vn.hoibot.survey;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The record of every export of results (table {@code survey_export}): who, which run and unit, when; no content. */
@Component
class ExportLog {

    /** The export held the responses one by one (names only where she may see them). */
    static final String RESPONSES = "RESPONSES";
    /** The export held the aggregates only (a provincial cadre). */
    static final String AGGREGATES = "AGGREGATES";

    private final JdbcClient jdbc;

    ExportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long runId, Long memberId, long unitId, String format, String detail, Instant now) {
        jdbc.sql("""
                insert into survey_export (run_id, exported_by, unit_id, format, detail, exported_at)
                values (:r, :by, :u, :f, :d, :now)""").param("r", runId).param("by", memberId).param("u", unitId)
                .param("f", format).param("d", detail).param("now", RunStore.utc(now)).update();
    }
}
