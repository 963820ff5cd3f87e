package vn.hoibot.survey.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A range question's parameters ({@code start=1 end=5 step=1}). */
public record Range(BigDecimal start, BigDecimal end, BigDecimal step) {

    public boolean contains(BigDecimal value) {
        if (value.compareTo(start.min(end)) < 0 || value.compareTo(start.max(end)) > 0) {
            return false;
        }
        return value.subtract(start).remainder(step).signum() == 0;
    }

    /** Every allowed value, start first. */
    public List<BigDecimal> values() {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal s = start.compareTo(end) <= 0 ? step : step.negate();
        for (BigDecimal v = start; contains(v) && out.size() <= 1000; v = v.add(s)) {
            out.add(v);
        }
        return out;
    }
}
