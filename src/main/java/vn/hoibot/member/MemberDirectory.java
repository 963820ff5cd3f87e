package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.DatedRow;
import vn.hoibot.text.Texts;

/** Members and their units over time. Never logs names or phone numbers, only ids. */
@Service
@Transactional(readOnly = true)
public class MemberDirectory {

    private static final Logger log = LoggerFactory.getLogger(MemberDirectory.class);

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final OrgService org;
    private final Clock clock;

    MemberDirectory(MemberRepository members, MembershipRepository memberships, OrgService org, Clock clock) {
        this.members = members;
        this.memberships = memberships;
        this.org = org;
        this.clock = clock;
    }

    public Optional<MemberView> findById(long id) {
        return members.findById(id).map(m -> m.view(memberOf(id, today()).orElse(null)));
    }

    /** Finds a member by her phone number written in any accepted format. */
    public Optional<MemberView> findByPhone(String phone) {
        return PhoneNumbers.normalise(phone).flatMap(members::findByPhone)
                .map(m -> m.view(memberOf(m.id(), today()).orElse(null)));
    }

    /** Members of the unit's subtree today whose name contains the query, ignoring accents and case. */
    public Page<MemberView> search(long unitId, String nameQuery, Pageable page) {
        List<Long> unitIds = subtreeIds(unitId, today(), true);
        if (unitIds.isEmpty()) {
            return Page.empty(page);
        }
        String pattern = "%" + Texts.fold(nameQuery).replace("%", "").replace("_", "") + "%";
        return members.search(pattern, unitIds, today(), page)
                .map(m -> m.view(memberOf(m.id(), today()).orElse(null)));
    }

    /** Members of the unit (and, if asked, of every unit below it) on {@code asOf}, in id order. */
    public List<MemberView> membersOf(long unitId, LocalDate asOf, boolean includeSubtree) {
        List<Membership> found = memberships.inUnitsOn(subtreeIds(unitId, asOf, includeSubtree), asOf);
        Map<Long, Member> byId = members.findAllById(found.stream().map(Membership::memberId).toList()).stream()
                .collect(Collectors.toMap(Member::id, Function.identity()));
        return found.stream().map(s -> byId.get(s.memberId()).view(s.unitId())).toList();
    }

    public long count(long unitId, LocalDate asOf, boolean includeSubtree) {
        List<Long> ids = subtreeIds(unitId, asOf, includeSubtree);
        return ids.isEmpty() ? 0 : memberships.countInUnitsOn(ids, asOf);
    }

    /** The unit the member belonged to on {@code asOf}. */
    public Optional<Long> memberOf(long memberId, LocalDate asOf) {
        return memberships.ofMemberOn(memberId, asOf).map(Membership::unitId);
    }

    @Transactional
    public MemberView create(NewMember m) {
        String name = m.fullName() == null ? "" : m.fullName().strip();
        if (name.isEmpty()) {
            throw new UserFacingException("member.name.missing");
        }
        String phone = null;
        if (m.phone() != null && !m.phone().isBlank()) {
            phone = PhoneNumbers.normalise(m.phone()).orElseThrow(() -> new UserFacingException("member.phone.invalid"));
            if (members.findByPhone(phone).isPresent()) {
                throw new UserFacingException("member.phone.taken");
            }
        }
        LocalDate from = m.joinDate() == null ? today() : m.joinDate();
        Member member = new Member(name, phone);
        member.update(new MemberDetails(name, phone, m.birthYear(), m.partyMember(), m.pioneer(),
                MemberStatus.ACTIVE, m.joinDate(), m.tags()));
        member.recruitedBy(m.recruitedBy());
        members.save(member);
        transfer(member.id(), m.unitId(), from);
        log.info("Member {} created in unit {}", member.id(), m.unitId());
        return member.view(m.unitId());
    }

    /** Moves the member to another unit from {@code on}; her earlier memberships stay in history. */
    @Transactional
    public void transfer(long memberId, long unitId, LocalDate on) {
        UnitView unit = org.find(unitId).orElseThrow(() -> new UserFacingException("org.unit.not-found", unitId));
        if (!unit.openAfter(on)) {
            throw new UserFacingException("org.unit.not-active", unit.code());
        }
        Optional<Membership> current = memberships.ofMemberOn(memberId, on);
        if (current.isPresent() && current.get().unitId() == unitId) {
            return;
        }
        current.ifPresent(s -> DatedRow.endOrDelete(s, on, memberships::delete));
        memberships.save(new Membership(memberId, unitId, on));
    }

    /** Removes her personal data for good; the id stays so participation counted elsewhere still adds up. */
    @Transactional
    public void erasePersonalData(long memberId) {
        Member member = members.findById(memberId)
                .orElseThrow(() -> new UserFacingException("member.not-found", memberId));
        member.erase();
        members.flush();
        log.info("Personal data of member {} erased", memberId);
    }

    private List<Long> subtreeIds(long unitId, LocalDate asOf, boolean includeSubtree) {
        if (!includeSubtree) {
            return List.of(unitId);
        }
        return org.subtree(unitId, asOf).stream().map(UnitView::id).toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
