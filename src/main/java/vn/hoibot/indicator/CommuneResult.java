package vn.hoibot.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one commune unit.
 *
 * @param reported   the one reading of "reported" that every command and report uses: for a half-year or year, a
 *                   report for exactly the period asked (as R_RATE counts it); for any other period, a declared
 *                   report (false: {@code chưa báo cáo})
 * @param declared   its report for the reporting period that ends last on or before {@code to}
 * @param components I2's components C1–C6, evidence
 * @param flags      ids of indicators it declares "yes" while its evidence says no ({@code I1}, {@code I2})
 */
public record CommuneResult(long id, String code, String name, boolean reported, Optional<UnitReportView> declared,
        List<IndicatorValue> indicators, Map<String, Boolean> components, List<String> flags) {

    public CommuneResult {
        indicators = List.copyOf(indicators);
        components = Map.copyOf(components);
        flags = List.copyOf(flags);
    }

    public Optional<IndicatorValue> indicator(String id) {
        return indicators.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
