package vn.hoibot.broadcast;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.member.MemberErased;

/**
 * Erasure in the broadcast module, inside the erasing transaction: her outbox rows lose their chat id and personal
 * text (rows not sent yet are cancelled; counts stay), her chats leave the unreachable list, and notices she sent
 * forget the chat their progress was shown in.
 */
@Component
class BroadcastErasure {

    static final String ERASED = "erased";

    private final JdbcTemplate jdbc;

    BroadcastErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MemberErased erased) {
        if (erased.memberId() != null) {
            scrub("member_id = ?", erased.memberId());
        }
        for (MemberErased.Chat chat : erased.chats()) {
            scrub("channel = ? and chat_id = ?", chat.channel(), chat.chatId());
            jdbc.update("delete from unreachable_chat where channel = ? and chat_id = ?", chat.channel(),
                    chat.chatId());
            jdbc.update("""
                    update broadcast set progress_channel = null, progress_chat_id = null, progress_message_id = null,
                      progress_buttons = null
                    where progress_channel = ? and progress_chat_id = ?""", chat.channel(), chat.chatId());
        }
    }

    private void scrub(String where, Object... args) {
        jdbc.update("""
                update outbox set status = case when status = 'PENDING' then 'CANCELLED' else status end,
                  chat_id = '%s', personal_text = null, claimed_by = null
                where %s""".formatted(ERASED, where), args);
    }
}
