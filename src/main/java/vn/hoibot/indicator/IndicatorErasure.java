package vn.hoibot.indicator;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.member.MemberErased;

/** Erasure in the indicator records: pairings keep her member id (for counts) but not her name. */
@Component
class IndicatorErasure {

    private final JdbcTemplate jdbc;

    IndicatorErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MemberErased erased) {
        if (erased.memberId() == null) {
            return;
        }
        jdbc.update("update ind_pairing set helper_name = null where helper_member_id = ?", erased.memberId());
        jdbc.update("update ind_pairing set helped_name = null where helped_member_id = ?", erased.memberId());
    }
}
