package vn.hoibot.survey;

import java.time.LocalDate;
import java.util.Map;

/**
 * The survey module's public query for the indicator reports, computed in SQL over the dated unit tree.
 *
 * <p>"Covered" members of a unit on {@code asOf}: members active on {@code asOf} in the unit's subtree as it stood on
 * {@code asOf} who finished a response (by any way in: own phone, entered by a leader, paper import) to a run of a
 * survey of the given kind, finished from the day after the same date a year earlier up to {@code asOf} inclusive
 * (dates in Vietnam time).
 */
public interface SurveyCoverage {

    /**
     * For every unit of {@code level} inside the subtree of {@code rootUnitId} on {@code asOf}: the number of covered
     * members in that unit's subtree. Units with none may be absent from the map.
     */
    Map<Long, Long> coveredMembersByUnit(long rootUnitId, String level, SurveyKind kind, LocalDate asOf);

    /** Covered members of the whole subtree of {@code unitId} on {@code asOf}. */
    long coveredMembers(long unitId, SurveyKind kind, LocalDate asOf);
}
