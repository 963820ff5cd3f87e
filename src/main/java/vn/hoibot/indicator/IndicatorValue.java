package vn.hoibot.indicator;

/**
 * One figure: numerator ÷ denominator against a target. A denominator of zero gives no value and no verdict
 * ({@code không áp dụng}); a count without denominator (an evidence count, I5 for a short period) has neither either.
 *
 * @param target the target share, or empty when the figure has none
 * @param met    whether the value reaches the target; empty when not applicable or without a target
 */
public record IndicatorValue(String id, long numerator, Long denominator, Double value, Double target, Boolean met) {

    private static final double EPSILON = 1e-9;

    public static IndicatorValue share(String id, long numerator, long denominator, Double target) {
        if (denominator == 0) {
            return new IndicatorValue(id, numerator, 0L, null, target, null);
        }
        double value = (double) numerator / denominator;
        return new IndicatorValue(id, numerator, denominator, value, target,
                target == null ? null : value + EPSILON >= target);
    }

    /** A share compared with a reference (a baseline), with no verdict. */
    public static IndicatorValue against(String id, long numerator, long denominator, double reference) {
        IndicatorValue v = share(id, numerator, denominator, reference);
        return new IndicatorValue(id, numerator, denominator, v.value(), reference, null);
    }

    public static IndicatorValue count(String id, long count) {
        return new IndicatorValue(id, count, null, null, null, null);
    }

    /** Yes or no for one unit: 1 or 0 over 1. */
    public static IndicatorValue flag(String id, boolean yes, Double target) {
        return share(id, yes ? 1 : 0, 1, target);
    }

    /** False when the denominator is zero ({@code không áp dụng}). */
    public boolean applicable() {
        return denominator == null || denominator > 0;
    }

    public boolean isCount() {
        return denominator == null;
    }
}
