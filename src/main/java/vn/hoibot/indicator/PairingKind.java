package vn.hoibot.indicator;

/**
 * The four kinds of "1+1" pairing; labels are the messages {@code indicator.pairing.<NAME>}, import codes
 * {@link #code()}.
 */
public enum PairingKind {
    /** A strong branch helps a weak branch. */
    BRANCH("chi_hoi"),
    /** A member brings a woman into the union (also filled by invite links). */
    RECRUIT("van_dong"),
    /** A female party member mentors a branch head or group leader. */
    PARTY("dang_vien"),
    /** A member supports a member in hardship. */
    SUPPORT("ho_tro");

    private final String code;

    PairingKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
