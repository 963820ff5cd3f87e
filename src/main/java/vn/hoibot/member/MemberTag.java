package vn.hoibot.member;

/** Special member groups the plan asks units to reach; labels are the messages {@code member.tag.<NAME>}. */
public enum MemberTag {
    CONG_GIAO, TON_GIAO, CONG_NHAN, PHU_NU_TRE, DAN_TOC;

    public String messageKey() {
        return "member.tag." + name();
    }
}
