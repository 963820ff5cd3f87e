package vn.hoibot.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's account on a chat channel (her Telegram user, or the console acting as her). */
@Entity
@Table(name = "member_account")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_id")
    private long memberId;

    private String channel;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "chat_id")
    private String chatId;

    private String language;

    @Column(name = "linked_at")
    private Instant linkedAt;

    protected Account() {
    }

    Account(long memberId, String channel, String userId, String chatId, String language, Instant linkedAt) {
        this.memberId = memberId;
        this.channel = channel;
        this.userId = userId;
        this.chatId = chatId;
        this.language = language;
        this.linkedAt = linkedAt;
    }

    void relink(long memberId, String chatId, String language, Instant at) {
        this.memberId = memberId;
        this.chatId = chatId;
        this.language = language;
        this.linkedAt = at;
    }

    long memberId() {
        return memberId;
    }

    String channel() {
        return channel;
    }

    String userId() {
        return userId;
    }

    String chatId() {
        return chatId;
    }

    String language() {
        return language;
    }
}
