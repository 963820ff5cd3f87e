package vn.hoibot.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.hoibot.chat.UserFacingException;

/** A woman not on the roster asks to join a unit; its branch head approves or rejects. */
@Entity
@Table(name = "join_request")
class JoinRequest {

    enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String channel;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "chat_id")
    private String chatId;

    private String language;

    @Column(name = "full_name")
    private String fullName;

    private String phone;

    @Column(name = "unit_id")
    private long unitId;

    @Column(name = "inviter_member_id")
    private Long inviterMemberId;

    private String status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by_member_id")
    private Long decidedByMemberId;

    @Column(name = "member_id")
    private Long memberId;

    protected JoinRequest() {
    }

    JoinRequest(String channel, String userId, String chatId, String language, String fullName, String phone,
            long unitId, Long inviterMemberId, Instant createdAt) {
        this.channel = channel;
        this.userId = userId;
        this.chatId = chatId;
        this.language = language;
        this.fullName = fullName;
        this.phone = phone;
        this.unitId = unitId;
        this.inviterMemberId = inviterMemberId;
        this.status = Status.PENDING.name();
        this.createdAt = createdAt;
    }

    void approve(Long byMemberId, long newMemberId, Instant at) {
        requirePending();
        status = Status.APPROVED.name();
        decidedByMemberId = byMemberId;
        memberId = newMemberId;
        decidedAt = at;
    }

    void reject(Long byMemberId, Instant at) {
        requirePending();
        status = Status.REJECTED.name();
        decidedByMemberId = byMemberId;
        decidedAt = at;
    }

    private void requirePending() {
        if (!Status.PENDING.name().equals(status)) {
            throw new UserFacingException("member.join.already_decided");
        }
    }

    Long id() {
        return id;
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

    String fullName() {
        return fullName;
    }

    String phone() {
        return phone;
    }

    long unitId() {
        return unitId;
    }

    Long inviterMemberId() {
        return inviterMemberId;
    }
}
