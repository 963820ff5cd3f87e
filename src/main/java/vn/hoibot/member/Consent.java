package vn.hoibot.member;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Consent to the privacy notice, as given on a channel: kept so it can be shown later, also once withdrawn. */
@Entity
@Table(name = "consent")
class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String channel;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "notice_version")
    private String noticeVersion;

    @Column(name = "given_at")
    private Instant givenAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Consent() {
    }

    Consent(String channel, String userId, String noticeVersion, Instant givenAt) {
        this.channel = channel;
        this.userId = userId;
        this.noticeVersion = noticeVersion;
        this.givenAt = givenAt;
    }

    void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    boolean isActive() {
        return withdrawnAt == null;
    }

    String noticeVersion() {
        return noticeVersion;
    }

    Instant givenAt() {
        return givenAt;
    }
}
