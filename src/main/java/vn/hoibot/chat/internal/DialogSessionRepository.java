package vn.hoibot.chat.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DialogSessionRepository extends JpaRepository<DialogSessionEntity, DialogSessionEntity.Key> {

    @Modifying
    @Query("delete from DialogSessionEntity s where s.updatedAt < ?1")
    int deleteOlderThan(Instant cutoff);

    @Modifying
    @Query("delete from DialogSessionEntity s where s.id.channel = ?1 and s.id.userId = ?2")
    int deleteByUser(String channel, String userId);
}
