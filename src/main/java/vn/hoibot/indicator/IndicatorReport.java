package vn.hoibot.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Every indicator for a unit's subtree and a period: the unit's own figures and one entry per commune unit.
 *
 * @param asOf the day the figures stand on: the period's last day, or today for a period not over yet
 */
public record IndicatorReport(Unit unit, ReportPeriod period, LocalDate asOf, List<IndicatorValue> indicators,
        List<CommuneResult> communes) {

    public record Unit(long id, String code, String name, String level) {
    }

    public IndicatorReport {
        indicators = List.copyOf(indicators);
        communes = List.copyOf(communes);
    }

    public Optional<IndicatorValue> indicator(String id) {
        return indicators.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Commune units that have not reported ({@code chưa báo cáo}), as {@link CommuneResult#reported()} reads it. */
    public List<CommuneResult> notReported() {
        return communes.stream().filter(c -> !c.reported()).toList();
    }
}
