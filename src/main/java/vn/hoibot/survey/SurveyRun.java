package vn.hoibot.survey;

import java.time.Instant;

/**
 * A survey launched for an audience: the definition version it was launched with, the unit whose subtree the
 * audience lies in, open from {@code opensAt} until (excluding) {@code closesAt}.
 */
record SurveyRun(long id, long definitionId, SurveyKind kind, long unitId, String audience, String audienceSpec,
        long createdBy, Long activityId, Instant opensAt, Instant closesAt, Status status) {

    enum Status {
        OPEN, CANCELLED
    }

    boolean openAt(Instant now) {
        return status == Status.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    boolean closedAt(Instant now) {
        return status == Status.CANCELLED || !now.isBefore(closesAt);
    }
}
