package vn.hoibot.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report as JSON for scripts and checks: {@code {"unit", "period": {"from", "to"}, "indicators": [{"id",
 * "numerator", "denominator", "value", "target", "met"}], "units": [{"code", "name", "reported", "indicators",
 * "components"}]}}, one entry in {@code units} per commune unit; {@code không áp dụng} is a null value and met.
 */
public final class ReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    public static String write(IndicatorReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("unit", report.unit().code());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", report.period().from().toString());
        period.put("to", report.period().to().toString());
        root.put("period", period);
        root.put("indicators", values(report.indicators()));
        List<Object> units = new ArrayList<>();
        for (CommuneResult c : report.communes()) {
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("code", c.code());
            unit.put("name", c.name());
            unit.put("reported", c.reported());
            unit.put("indicators", values(c.indicators()));
            Map<String, Object> components = new LinkedHashMap<>();
            IndicatorEngine.COMPONENTS.forEach(k -> components.put(k, c.components().get(k)));
            unit.put("components", components);
            units.add(unit);
        }
        root.put("units", units);
        return JSON.writeValueAsString(root) + "\n";
    }

    private static List<Object> values(List<IndicatorValue> values) {
        List<Object> out = new ArrayList<>();
        for (IndicatorValue v : values) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("numerator", v.numerator());
            m.put("denominator", v.denominator());
            m.put("value", v.value());
            m.put("target", v.target());
            m.put("met", v.met());
            out.add(m);
        }
        return out;
    }
}
