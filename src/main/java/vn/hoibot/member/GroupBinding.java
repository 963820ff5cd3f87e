package vn.hoibot.member;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group chat bound to a unit (usually a branch's group), so notices for the unit reach it too. */
@Entity
@Table(name = "group_binding")
class GroupBinding {

    @Embeddable
    record Key(@Column(name = "channel") String channel, @Column(name = "chat_id") String chatId)
            implements Serializable {
    }

    @EmbeddedId
    private Key id;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "bound_at")
    private Instant boundAt;

    protected GroupBinding() {
    }

    GroupBinding(Key id, long unitId, Instant boundAt) {
        this.id = id;
        this.unitId = unitId;
        this.boundAt = boundAt;
    }

    void rebind(long unitId, Instant at) {
        this.unitId = unitId;
        this.boundAt = at;
    }

    Key id() {
        return id;
    }

    long unitId() {
        return unitId;
    }
}
