package vn.hoibot.indicator;

/** Resources of a unit: labels {@code indicator.resource.<NAME>}, import codes {@link #code()}. */
public enum ResourceKind {
    FUND("quy"), SPONSOR("tai_tro"), IN_KIND("hien_vat");

    private final String code;

    ResourceKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
