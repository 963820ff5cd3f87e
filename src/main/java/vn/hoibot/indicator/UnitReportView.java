package vn.hoibot.indicator;

import java.time.Instant;
import java.time.LocalDate;

/** A unit period report as the engine reads it: what the commune unit declared for one period. */
public record UnitReportView(LocalDate periodFrom, LocalDate periodTo, boolean runsOnePlusOne,
        boolean runsThreeThree, Instant submittedAt) {
}
