package vn.hoibot.broadcast;

import static vn.hoibot.broadcast.OutboxStore.ts;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chats the bot cannot write to: she blocked the bot (403) or the chat is gone. Broadcasts skip them until she
 * writes to the bot again, when the chat core calls {@link #markReachable}.
 */
@Service
public class Reachability {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Reachability(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** She wrote to the bot (or pressed Start): later broadcasts reach her again. */
    @Transactional
    public void markReachable(String channel, String chatId) {
        jdbc.update("delete from unreachable_chat where channel = ? and chat_id = ?", channel, chatId);
    }

    public boolean isReachable(String channel, String chatId) {
        Integer n = jdbc.queryForObject("select count(*) from unreachable_chat where channel = ? and chat_id = ?",
                Integer.class, channel, chatId);
        return n == null || n == 0;
    }

    /** Records a chat as unreachable (the first reason and time are kept). Runs in its own short statements. */
    public void markUnreachable(String channel, String chatId, String reason) {
        int updated = jdbc.update("update unreachable_chat set reason = reason where channel = ? and chat_id = ?",
                channel, chatId);
        if (updated == 0) {
            try {
                jdbc.update("insert into unreachable_chat (channel, chat_id, reason, since) values (?, ?, ?, ?)",
                        channel, chatId, reason, ts(clock.instant()));
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // another sender recorded it first
            }
        }
    }

    Set<String> unreachableChats(String channel) {
        return new HashSet<>(jdbc.queryForList("select chat_id from unreachable_chat where channel = ?", String.class,
                channel));
    }
}
