package vn.hoibot.chat.internal;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "dialog_session")
public class DialogSessionEntity {

    @Embeddable
    public record Key(@Column(name = "channel") String channel, @Column(name = "chat_id") String chatId,
            @Column(name = "user_id") String userId) implements Serializable {
    }

    @EmbeddedId
    private Key id;

    private String dialog;

    private String step;

    private String data;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected DialogSessionEntity() {
    }

    public DialogSessionEntity(Key id) {
        this.id = id;
    }

    public void update(String dialog, String step, String data, Instant now) {
        this.dialog = dialog;
        this.step = step;
        this.data = data;
        this.updatedAt = now;
    }

    public String dialog() {
        return dialog;
    }

    public String step() {
        return step;
    }

    public String data() {
        return data;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
