package vn.hoibot.chat.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "button_token")
public class ButtonTokenEntity {

    @Id
    private String token;

    private String channel;

    @Column(name = "user_id")
    private String userId;

    private String action;

    private String payload;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ButtonTokenEntity() {
    }

    public ButtonTokenEntity(String token, String channel, String userId, String action, String payload,
            Instant createdAt, Instant expiresAt) {
        this.token = token;
        this.channel = channel;
        this.userId = userId;
        this.action = action;
        this.payload = payload;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String channel() {
        return channel;
    }

    public String userId() {
        return userId;
    }

    public String action() {
        return action;
    }

    public String payload() {
        return payload;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
