package vn.hoibot.chat.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ButtonTokenRepository extends JpaRepository<ButtonTokenEntity, String> {

    @Modifying
    @Query("delete from ButtonTokenEntity b where b.expiresAt < ?1")
    int deleteExpired(Instant now);

    @Modifying
    @Query("delete from ButtonTokenEntity b where b.channel = ?1 and b.userId = ?2")
    int deleteByUser(String channel, String userId);
}
