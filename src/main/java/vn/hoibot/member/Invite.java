package vn.hoibot.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invite link's code ({@code t.me/<bot>?start=<code>}): for a unit, made by a leader, or personal, made by a
 * member who thereby recruits whoever joins through it.
 */
@Entity
@Table(name = "invite")
class Invite {

    @Id
    private String code;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "inviter_member_id")
    private Long inviterMemberId;

    @Column(name = "created_by_member_id")
    private Long createdByMemberId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected Invite() {
    }

    Invite(String code, long unitId, Long inviterMemberId, Long createdByMemberId, Instant createdAt,
            Instant expiresAt) {
        this.code = code;
        this.unitId = unitId;
        this.inviterMemberId = inviterMemberId;
        this.createdByMemberId = createdByMemberId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    String code() {
        return code;
    }

    long unitId() {
        return unitId;
    }

    Long inviterMemberId() {
        return inviterMemberId;
    }
}
