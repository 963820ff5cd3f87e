package vn.hoibot.time;

import java.time.LocalDate;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

/** The validity rule of {@link Period} for JPA queries over {@link DatedRow} entities (Spring Data specifications). */
public final class DatedRows {

    private DatedRows() {
    }

    /** Rows valid on the day. */
    public static <T extends DatedRow> Specification<T> validOn(LocalDate day) {
        return (root, query, cb) -> validOn(root.get("validity"), cb, day);
    }

    /** Rows matching {@code where} and valid on the day. */
    public static <T extends DatedRow> Specification<T> validOn(LocalDate day, Specification<T> where) {
        return where.and(validOn(day));
    }

    /** Rows matching {@code where} and not ended by the day. */
    public static <T extends DatedRow> Specification<T> openAfter(LocalDate day, Specification<T> where) {
        return where.and(openAfter(day));
    }

    /** Rows matching {@code where} with no end. */
    public static <T extends DatedRow> Specification<T> open(Specification<T> where) {
        return where.and(open());
    }

    /** Rows not ended by the day (still open, or ending after it). */
    public static <T extends DatedRow> Specification<T> openAfter(LocalDate day) {
        return (root, query, cb) -> {
            Path<LocalDate> to = root.get("validity").get("validTo");
            return cb.or(cb.isNull(to), cb.greaterThan(to, day));
        };
    }

    /** Rows with no end. */
    public static <T extends DatedRow> Specification<T> open() {
        return (root, query, cb) -> cb.isNull(root.get("validity").get("validTo"));
    }

    /** Rows whose attribute equals the value. */
    public static <T> Specification<T> has(String attribute, Object value) {
        return (root, query, cb) -> cb.equal(root.get(attribute), value);
    }

    /** The rule on an embedded validity path, for subqueries. */
    public static Predicate validOn(Path<Period> validity, CriteriaBuilder cb, LocalDate day) {
        Path<LocalDate> from = validity.get("validFrom");
        Path<LocalDate> to = validity.get("validTo");
        return cb.and(cb.lessThanOrEqualTo(from, day), cb.or(cb.isNull(to), cb.greaterThan(to, day)));
    }
}
