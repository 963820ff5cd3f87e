package vn.hoibot.member;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsentRepository extends JpaRepository<Consent, Long> {

    @Query("select c from Consent c where c.channel = ?1 and c.userId = ?2 order by c.givenAt desc")
    List<Consent> history(String channel, String userId);
}

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByChannelAndUserId(String channel, String userId);

    List<Account> findByMemberId(long memberId);

    @Query("select a from Account a where a.memberId in ?1")
    List<Account> findByMemberIds(java.util.Collection<Long> memberIds);
}

interface InviteRepository extends JpaRepository<Invite, String> {
}

interface JoinRequestRepository extends JpaRepository<JoinRequest, Long> {

    @Query("select r from JoinRequest r where r.channel = ?1 and r.userId = ?2 and r.status = 'PENDING'")
    List<JoinRequest> pendingOf(String channel, String userId);
}

interface GroupBindingRepository extends JpaRepository<GroupBinding, GroupBinding.Key> {

    @Query("select g from GroupBinding g where g.unitId in ?1")
    List<GroupBinding> findByUnitIds(java.util.Collection<Long> unitIds);
}
