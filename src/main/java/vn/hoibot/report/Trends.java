package vn.hoibot.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.indicator.IndicatorEngine;
import vn.hoibot.indicator.IndicatorReport;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;

/** The engine's reports for the last periods of the same length, oldest first, ending with the one asked. */
@Component
class Trends {

    private final IndicatorEngine engine;
    private final ReportPeriods periods;
    private final ReportProperties properties;

    Trends(IndicatorEngine engine, ReportPeriods periods, ReportProperties properties) {
        this.engine = engine;
        this.periods = periods;
        this.properties = properties;
    }

    List<IndicatorReport> reports(long unitId, ReportPeriod period, IndicatorReport current) {
        List<IndicatorReport> out = new ArrayList<>();
        out.add(current);
        Optional<ReportPeriod> p = periods.previous(period);
        while (p.isPresent() && out.size() < properties.trendPeriods()) {
            try {
                out.add(engine.compute(unitId, p.get()));
            } catch (UserFacingException e) {
                break; // the unit did not exist then
            }
            p = periods.previous(p.get());
        }
        Collections.reverse(out);
        return out;
    }
}
