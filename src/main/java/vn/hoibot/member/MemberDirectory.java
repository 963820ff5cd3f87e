package vn.hoibot.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.org.OrgService;
import vn.hoibot.org.UnitTreeSql;
import vn.hoibot.org.UnitView;
import vn.hoibot.time.Period;
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

    private final JdbcClient jdbc;
    private final vn.hoibot.access.RoleAssignments roles;

    MemberDirectory(MemberRepository members, MembershipRepository memberships, OrgService org, Clock clock,
            JdbcClient jdbc, vn.hoibot.access.RoleAssignments roles) {
        this.roles = roles;
        this.members = members;
        this.memberships = memberships;
        this.org = org;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public Optional<MemberView> findById(long id) {
        return members.findById(id).map(m -> m.view(memberOf(id, today()).orElse(null)));
    }

    /** A member's name and phone (E.164 or null), for a call list. */
    public record Contact(long id, String fullName, String phone) {

        /** Without her name or phone, should it be printed by mistake. */
        @Override
        public String toString() {
            return "Contact[id=" + id + "]";
        }
    }

    /** At most this many ids in one statement of {@link #contacts}. */
    static final int CONTACTS_CHUNK = 500;

    /**
     * The name and phone of each of these members that exists, by id: one statement per {@value #CONTACTS_CHUNK} ids,
     * not one per member (a call list of thousands).
     */
    public Map<Long, Contact> contacts(Collection<Long> ids) {
        List<Long> all = ids.stream().distinct().toList();
        Map<Long, Contact> out = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i += CONTACTS_CHUNK) {
            jdbc.sql("select id, full_name, phone from member where id in (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + CONTACTS_CHUNK)))
                    .query((rs, n) -> new Contact(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list().forEach(c -> out.put(c.id(), c));
        }
        return out;
    }

    /** Finds a member by her phone number written in any accepted format. */
    public Optional<MemberView> findByPhone(String phone) {
        return PhoneNumbers.normalise(phone).flatMap(members::findByPhone)
                .map(m -> m.view(memberOf(m.id(), today()).orElse(null)));
    }

    /** Members of the unit's subtree today whose name contains the query, ignoring accents and case, by name. */
    public Page<MemberView> search(long unitId, String nameQuery, Pageable page) {
        String pattern = "%" + Texts.fold(nameQuery).replace("%", "").replace("_", "") + "%";
        Map<String, Object> params = Map.of("roots", List.of(unitId), "day", today(), "pattern", pattern);
        String from = MEMBERS_UNDER + " and m.name_key like :pattern";
        long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
        if (total == 0) {
            return Page.empty(page);
        }
        List<MemberView> found = views(from, params, " order by m.name_key, m.id limit " + page.getPageSize()
                + " offset " + page.getOffset());
        return new PageImpl<>(found, page, total);
    }

    /**
     * Members of the unit (and, if asked, of every unit below it) on {@code asOf}, in id order: two statements
     * however many there are (the members, then their tags). For lists people read (a checklist, a commune's
     * registrations); a notice to many goes through {@link #activeMembersUnder} instead.
     */
    public List<MemberView> membersOf(long unitId, LocalDate asOf, boolean includeSubtree) {
        Map<String, Object> params = Map.of("roots", List.of(unitId), "day", asOf);
        String from = includeSubtree ? MEMBERS_UNDER : MEMBERS_IN;
        return views(from, params, " order by m.id");
    }

    public long count(long unitId, LocalDate asOf, boolean includeSubtree) {
        String from = includeSubtree ? MEMBERS_UNDER : MEMBERS_IN;
        return jdbc.sql("select count(*) " + from).params(Map.of("roots", List.of(unitId), "day", asOf))
                .query(Long.class).single();
    }

    /**
     * The members who may be sent notices: active (not left, deceased or erased), with a membership on {@code day}
     * in one of the roots' subtrees, with the tag if one is given. One column, {@code member_id}, each once.
     * The roots are a short list (one unit, or an activity's audience units); the tree is walked in the database.
     */
    public Selection activeMembersUnder(Collection<Long> roots, LocalDate day, MemberTag tag) {
        Map<String, Object> params = new java.util.HashMap<>(Map.of("mroots", List.copyOf(roots), "mday", day));
        String sql = "select distinct mu.member_id from " + UnitTreeSql.subtree("mroots", "mday")
                + " t join member_unit mu on mu.unit_id = t.id and " + Period.sqlValidOn("mu", "mday")
                + " join member m on m.id = mu.member_id and m.status = 'ACTIVE'"
                + " where m.restricted_at is null";
        if (tag != null) {
            sql += " and exists (select 1 from member_tag g where g.member_id = m.id and g.tag = :mtag)";
            params.put("mtag", tag.name());
        }
        return new Selection(sql, params);
    }

    /** The member ids of a selection with the column {@code member_id}, loaded (one statement). */
    public List<Long> ids(Selection selection) {
        return jdbc.sql("select distinct c.member_id from (" + selection.sql() + ") c order by c.member_id")
                .params(selection.params()).query(Long.class).list();
    }

    /** How many rows a selection has (one statement). */
    public long count(Selection selection) {
        return jdbc.sql("select count(*) from (" + selection.sql() + ") c").params(selection.params())
                .query(Long.class).single();
    }

    private static final int PAGE_IDS = 500;
    private static final String COLUMNS = """
            m.id, m.full_name, m.phone, m.birth_year, m.party_member, m.pioneer, m.status, m.join_date,
            m.recruited_by_member_id, mu.unit_id""";
    /** Where the JOINS marker is, a query may join more tables (the tags). */
    private static final String JOINS = " /*joins*/ ";
    private static final String MEMBERS_UNDER = " from " + UnitTreeSql.subtree("roots", "day")
            + " t join member_unit mu on mu.unit_id = t.id join member m on m.id = mu.member_id" + JOINS + "where "
            + Period.sqlValidOn("mu");
    private static final String MEMBERS_IN = " from member_unit mu join member m on m.id = mu.member_id" + JOINS
            + "where mu.unit_id in (:roots) and " + Period.sqlValidOn("mu");

    /** The members {@code from} finds, with their tags from one more statement over the same rows. */
    private List<MemberView> views(String from, Map<String, Object> params, String order) {
        List<MemberView> rows = jdbc.sql("select " + COLUMNS + from + order).params(params)
                .query((rs, i) -> new MemberView(rs.getLong("id"), rs.getString("full_name"), rs.getString("phone"),
                        rs.getObject("birth_year", Integer.class), rs.getBoolean("party_member"),
                        rs.getBoolean("pioneer"), rs.getString("status"), rs.getObject("join_date", LocalDate.class),
                        rs.getObject("unit_id", Long.class), Set.of(),
                        rs.getObject("recruited_by_member_id", Long.class)))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<String>> tags = new java.util.HashMap<>();
        // a page: its ids (a bounded list); a whole list: the same rows joined to their tags
        var tagQuery = rows.size() <= PAGE_IDS
                ? jdbc.sql("select member_id, tag from member_tag where member_id in (:ids)")
                        .param("ids", rows.stream().map(MemberView::id).toList())
                : jdbc.sql("select g.member_id, g.tag" + from.replace(JOINS, " join member_tag g on g.member_id = m.id ")).params(params);
        tagQuery.query(rs -> {
                    tags.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                });
        if (tags.isEmpty()) {
            return rows;
        }
        return rows.stream().map(m -> tags.containsKey(m.id()) ? new MemberView(m.id(), m.fullName(), m.phone(),
                m.birthYear(), m.partyMember(), m.pioneer(), m.status(), m.joinDate(), m.unitId(),
                Set.copyOf(tags.get(m.id())), m.recruitedBy()) : m).toList();
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
        if (current.isPresent()) {
            roles.endOutside(memberId, unitId, on); // her roles on her old branch do not follow her
        }
    }

    /**
     * Restricts processing (she withdrew her consent, {@code /rutdongy}): her record stays, but she gets no notices
     * and no surveys until she agrees again ({@code restricted} false).
     */
    @Transactional
    public void restrictProcessing(long memberId, boolean restricted) {
        jdbc.sql("update member set restricted_at = :at where id = :id")
                .param("at", restricted ? java.time.OffsetDateTime.now(clock) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", memberId).update();
        log.info("Processing of member {} {}", memberId, restricted ? "restricted" : "no longer restricted");
    }

    @Transactional(readOnly = true)
    public boolean isRestricted(long memberId) {
        return jdbc.sql("select count(*) from member where id = :id and restricted_at is not null")
                .param("id", memberId).query(Long.class).single() > 0;
    }

    /**
     * Everything the member module holds about her, as plain text for a file (the right of access): her record,
     * her units over time, her roles over time, her linked accounts and her consents. {@code label} renders a
     * message key in her language.
     */
    @Transactional(readOnly = true)
    public String exportOf(long memberId, java.util.function.Function<String, String> label) {
        StringBuilder out = new StringBuilder();
        MemberView me = findById(memberId).orElseThrow(() -> new UserFacingException("member.not-found", memberId));
        out.append(label.apply("member.export.record")).append('\n');
        line(out, "full_name", me.fullName());
        line(out, "phone", me.phone());
        line(out, "birth_year", me.birthYear());
        line(out, "party_member", me.partyMember());
        line(out, "pioneer", me.pioneer());
        line(out, "status", me.status());
        line(out, "join_date", me.joinDate());
        line(out, "tags", String.join(", ", me.tags()));
        line(out, "processing_restricted", isRestricted(memberId));
        out.append('\n').append(label.apply("member.export.units")).append('\n');
        jdbc.sql("""
                select u.code, u.name, mu.valid_from, mu.valid_to from member_unit mu join org_unit u on u.id = mu.unit_id
                 where mu.member_id = :id order by mu.valid_from""").param("id", memberId).query(rs -> {
                    out.append("- ").append(rs.getString(1)).append(" ").append(rs.getString(2)).append(": ")
                            .append(rs.getObject(3, LocalDate.class)).append(" → ")
                            .append(rs.getObject(4, LocalDate.class) == null ? "" : rs.getObject(4, LocalDate.class))
                            .append('\n');
                });
        out.append('\n').append(label.apply("member.export.roles")).append('\n');
        jdbc.sql("""
                select r.role, u.code, r.valid_from, r.valid_to from role_assignment r join org_unit u on u.id = r.unit_id
                 where r.member_id = :id order by r.valid_from""").param("id", memberId).query(rs -> {
                    out.append("- ").append(rs.getString(1)).append(" ").append(rs.getString(2)).append(": ")
                            .append(rs.getObject(3, LocalDate.class)).append(" → ")
                            .append(rs.getObject(4, LocalDate.class) == null ? "" : rs.getObject(4, LocalDate.class))
                            .append('\n');
                });
        out.append('\n').append(label.apply("member.export.accounts")).append('\n');
        jdbc.sql("select channel, user_id, language, linked_at from member_account where member_id = :id")
                .param("id", memberId).query(rs -> {
                    out.append("- ").append(rs.getString(1)).append(" ").append(rs.getString(2)).append(" (")
                            .append(rs.getString(3)).append(") ").append(rs.getString(4)).append('\n');
                    jdbc.sql("""
                            select notice_version, given_at, withdrawn_at from consent
                             where channel = :c and user_id = :u order by given_at""")
                            .param("c", rs.getString(1)).param("u", rs.getString(2)).query(c -> {
                                out.append("  ").append(label.apply("member.export.consent")).append(" ")
                                        .append(c.getString(1)).append(": ").append(c.getString(2))
                                        .append(c.getString(3) == null ? "" : " / " + c.getString(3)).append('\n');
                            });
                });
        return out.toString();
    }

    private static void line(StringBuilder out, String field, Object value) {
        out.append(field).append(": ").append(value == null ? "" : value).append('\n');
    }

    /** Removes her personal data for good; the id stays so participation counted elsewhere still adds up. */
    @Transactional
    public void erasePersonalData(long memberId) {
        Member member = members.findById(memberId)
                .orElseThrow(() -> new UserFacingException("member.not-found", memberId));
        member.erase();
        members.flush();
        roles.endAll(memberId, today());
        log.info("Personal data of member {} erased", memberId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
