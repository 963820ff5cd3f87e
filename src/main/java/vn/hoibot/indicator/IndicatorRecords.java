package vn.hoibot.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;

/**
 * Writes the records behind the indicators, dated and with who recorded them ({@code recordedBy} empty: imported).
 * A correction is a new record that supersedes the old one, which is never changed otherwise. Whether the person
 * may record on the unit is the caller's check (the command or the importer).
 */
@Service
@Transactional
public class IndicatorRecords {

    /** The record tables, for {@link #supersede}. */
    public enum Kind {
        PAIRING("ind_pairing"), MODEL("ind_model"), PARTY_STEP("ind_party_step"), ALLOWANCE("ind_allowance"),
        PROPOSAL("ind_proposal"), RESOURCE("ind_resource"), UNIT_REPORT("ind_unit_report");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    /** A pairing: its kind, the unit it belongs to, its two sides (units or members, or a name), its dates. */
    public record NewPairing(PairingKind kind, long unitId, Long helperUnitId, Long helpedUnitId, Long helperMemberId,
            Long helpedMemberId, String helperName, String helpedName, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    IndicatorRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long pairing(NewPairing p, Long recordedBy) {
        checkOrder(p.from(), p.to());
        return insert("insert into ind_pairing (kind, unit_id, helper_unit_id, helped_unit_id, helper_member_id, "
                + "helped_member_id, helper_name, helped_name, starts_on, ends_on, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.kind().name(), p.unitId(), p.helperUnitId(),
                p.helpedUnitId(), p.helperMemberId(), p.helpedMemberId(), p.helperName(), p.helpedName(), p.from(),
                p.to(), now(), recordedBy);
    }

    public long model(long unitId, String name, String targetGroup, LocalDate from, LocalDate to, boolean effective,
            Long recordedBy) {
        checkOrder(from, to);
        return insert("insert into ind_model (unit_id, name, target_group, starts_on, ends_on, effective, recorded_at, "
                + "recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", unitId, name.strip(), targetGroup.strip(), from, to,
                effective, now(), recordedBy);
    }

    public long partyStep(long memberId, PartyStage stage, LocalDate on, Long recordedBy) {
        return insert("insert into ind_party_step (member_id, stage, step_on, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?)", memberId, stage.name(), on, now(), recordedBy);
    }

    public long allowance(long memberId, LocalDate from, LocalDate to, Long recordedBy) {
        checkOrder(from, to);
        return insert("insert into ind_allowance (member_id, starts_on, ends_on, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?)", memberId, from, to, now(), recordedBy);
    }

    public long proposal(long unitId, LocalDate on, String programme, Long recordedBy) {
        return insert("insert into ind_proposal (unit_id, proposed_on, programme, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?)", unitId, on, programme.strip(), now(), recordedBy);
    }

    public long resource(long unitId, ResourceKind kind, LocalDate from, LocalDate to, Long recordedBy) {
        checkOrder(from, to);
        return insert("insert into ind_resource (unit_id, kind, starts_on, ends_on, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?)", unitId, kind.name(), from, to, now(), recordedBy);
    }

    /** The unit's current report for exactly this period, if it has one. */
    @Transactional(readOnly = true)
    public Optional<UnitReportView> reportFor(long unitId, ReportPeriod period) {
        return jdbc.sql("select period_from, period_to, runs_one_plus_one, runs_three_three, submitted_at "
                + "from ind_unit_report where unit_id = ? and period_from = ? and period_to = ? "
                + "and superseded_by is null order by submitted_at desc")
                .params(unitId, period.from(), period.to())
                .query((rs, n) -> new UnitReportView(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getBoolean(3), rs.getBoolean(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .stream().findFirst();
    }

    /**
     * Stores the unit's report for a half-year or year, submitted now (or at {@code submittedAt} for an import);
     * an earlier report for the same period is superseded by it (the dialog asks to confirm first).
     */
    public long submitReport(long unitId, ReportPeriod period, boolean onePlusOne, boolean threeThree,
            OffsetDateTime submittedAt, Long submittedBy) {
        if (!period.isReportingPeriod()) {
            throw new UserFacingException("indicator.report.not-a-reporting-period", period.label());
        }
        long id = insert("insert into ind_unit_report (unit_id, period_from, period_to, runs_one_plus_one, "
                + "runs_three_three, submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?)", unitId, period.from(),
                period.to(), onePlusOne, threeThree, submittedAt == null ? now() : submittedAt, submittedBy);
        jdbc.sql("update ind_unit_report set superseded_by = ? where unit_id = ? and period_from = ? "
                + "and period_to = ? and superseded_by is null and id <> ?")
                .params(id, unitId, period.from(), period.to(), id).update();
        return id;
    }

    /**
     * An imported report submitted at {@code submittedAt}: it supersedes the current report for the period when it
     * was submitted later, else it is stored as already superseded by it (an older submission found in the books).
     */
    public long importReport(long unitId, ReportPeriod period, boolean onePlusOne, boolean threeThree,
            OffsetDateTime submittedAt) {
        Optional<Long> later = jdbc.sql("select id from ind_unit_report where unit_id = ? and period_from = ? "
                + "and period_to = ? and superseded_by is null and submitted_at > ?")
                .params(unitId, period.from(), period.to(), submittedAt).query(Long.class).optional();
        if (later.isEmpty()) {
            return submitReport(unitId, period, onePlusOne, threeThree, submittedAt, null);
        }
        return insert("insert into ind_unit_report (unit_id, period_from, period_to, runs_one_plus_one, "
                + "runs_three_three, submitted_at, submitted_by, superseded_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                unitId, period.from(), period.to(), onePlusOne, threeThree, submittedAt, null, later.get());
    }

    /**
     * The current (not superseded) record of this kind with exactly these values, column by column (a null value
     * matches null): how a correction finds what it supersedes, and the import what it has already.
     */
    @Transactional(readOnly = true)
    public Optional<Long> findCurrent(Kind kind, Object... columnsAndValues) {
        return findCurrent(kind, "", List.of(), columnsAndValues);
    }

    /**
     * The current record of this kind with these values whose dates overlap {@code from} … {@code to} (null: open):
     * the one a new record for the same subject corrects.
     */
    @Transactional(readOnly = true)
    public Optional<Long> findCurrentOverlapping(Kind kind, LocalDate from, LocalDate to,
            Object... columnsAndValues) {
        return to == null
                ? findCurrent(kind, " and (ends_on is null or ends_on >= ?)", List.of(from), columnsAndValues)
                : findCurrent(kind, " and starts_on <= ? and (ends_on is null or ends_on >= ?)", List.of(to, from),
                        columnsAndValues);
    }

    private Optional<Long> findCurrent(Kind kind, String extra, List<Object> extraParams,
            Object... columnsAndValues) {
        StringBuilder sql = new StringBuilder("select id from " + kind.table + " where superseded_by is null" + extra);
        List<Object> params = new java.util.ArrayList<>(extraParams);
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            sql.append(" and ").append(columnsAndValues[i]).append(value == null ? " is null" : " = ?");
            if (value != null) {
                params.add(value instanceof String s ? s.strip() : value);
            }
        }
        return jdbc.sql(sql + " order by id desc").params(params).query(Long.class).list().stream().findFirst();
    }

    /** Records the new one and, when there is one, marks {@code corrected} as superseded by it; the new id. */
    public long correcting(Kind kind, Optional<Long> corrected, java.util.function.LongSupplier write) {
        long id = write.getAsLong();
        corrected.ifPresent(old -> supersede(kind, old, id));
        return id;
    }

    /** Marks {@code oldId} as corrected by {@code newId} (both of the same kind). */
    public void supersede(Kind kind, long oldId, long newId) {
        int changed = jdbc.sql("update " + kind.table + " set superseded_by = ? where id = ? and superseded_by is null")
                .params(newId, oldId).update();
        if (changed != 1) {
            throw new UserFacingException("indicator.record.not-current", oldId);
        }
    }

    static void checkOrder(LocalDate from, LocalDate to) {
        if (to != null && to.isBefore(from)) {
            throw new UserFacingException("indicator.record.dates-out-of-order", ReportPeriods.day(from),
                    ReportPeriods.day(to));
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
