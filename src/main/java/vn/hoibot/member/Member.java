package vn.hoibot.member;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "name_key")
    private String nameKey;

    @Column(length = 20, unique = true)
    private String phone;

    @Column(name = "birth_year")
    private Integer birthYear;

    @Column(name = "party_member", nullable = false)
    private boolean partyMember;

    @Column(nullable = false)
    private boolean pioneer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberStatus status = MemberStatus.ACTIVE;

    @Column(name = "join_date")
    private LocalDate joinDate;

    @Column(name = "recruited_by_member_id")
    private Long recruitedBy;

    @ElementCollection
    @CollectionTable(name = "member_tag", joinColumns = @JoinColumn(name = "member_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "tag", length = 32)
    private Set<MemberTag> tags = new HashSet<>();

    protected Member() {
    }

    Member(String fullName, String phone) {
        rename(fullName);
        this.phone = phone;
    }

    /** Sets the details an import or a form carries; returns whether anything changed. */
    boolean update(MemberDetails d) {
        boolean changed = !d.fullName().equals(fullName) || !java.util.Objects.equals(d.phone(), phone)
                || !java.util.Objects.equals(d.birthYear(), birthYear) || d.partyMember() != partyMember
                || d.pioneer() != pioneer || d.status() != status || !java.util.Objects.equals(d.joinDate(), joinDate)
                || !d.tags().equals(tags);
        if (status == MemberStatus.ERASED && changed) {
            throw new UserFacingException("member.erased", id);
        }
        if (changed) {
            rename(d.fullName());
            this.phone = d.phone();
            this.birthYear = d.birthYear();
            this.partyMember = d.partyMember();
            this.pioneer = d.pioneer();
            this.status = d.status();
            this.joinDate = d.joinDate();
            this.tags.clear();
            this.tags.addAll(d.tags());
        }
        return changed;
    }

    void recruitedBy(Long memberId) {
        this.recruitedBy = memberId;
    }

    /** Removes everything that identifies her; the row and id stay so counts elsewhere still add up. */
    void erase() {
        this.fullName = null;
        this.nameKey = null;
        this.phone = null;
        this.birthYear = null;
        this.partyMember = false;
        this.pioneer = false;
        this.joinDate = null;
        this.recruitedBy = null;
        this.tags.clear();
        this.status = MemberStatus.ERASED;
    }

    private void rename(String name) {
        this.fullName = name;
        this.nameKey = Texts.fold(name);
    }

    MemberDetails details() {
        return new MemberDetails(fullName, phone, birthYear, partyMember, pioneer, status, joinDate, tags());
    }

    MemberView view(Long unitId) {
        Set<String> tagNames = new java.util.TreeSet<>();
        tags.forEach(t -> tagNames.add(t.name()));
        return new MemberView(id, fullName, phone, birthYear, partyMember, pioneer, status.name(), joinDate, unitId,
                Set.copyOf(tagNames), recruitedBy);
    }

    Long id() {
        return id;
    }

    String phone() {
        return phone;
    }

    MemberStatus status() {
        return status;
    }

    Set<MemberTag> tags() {
        return tags.isEmpty() ? Set.of() : EnumSet.copyOf(tags);
    }
}
