package vn.hoibot.survey;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.member.MemberErased;

/**
 * Erasure in the survey module, inside the erasing transaction: what she typed is removed from her answers (a
 * typed answer becomes {@code [erased]}); answers given by buttons and her response row stay, under her anonymous
 * id, so the run's counts still add up.
 */
@Component
class SurveyErasure {

    private final JdbcTemplate jdbc;

    SurveyErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MemberErased erased) {
        if (erased.memberId() == null) {
            return;
        }
        jdbc.update("""
                update survey_answer set answer_value = '[erased]', typed_text = null
                 where typed_text is not null
                   and response_id in (select id from survey_response where member_id = ?)""", erased.memberId());
    }
}
