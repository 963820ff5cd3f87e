package vn.hoibot.indicator;

/** Party development of a branch head: labels {@code indicator.party.<NAME>}, import codes {@link #code()}. */
public enum PartyStage {
    TRAINED("boi_duong"), INTRODUCED("gioi_thieu"), ADMITTED("ket_nap");

    private final String code;

    PartyStage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
