package vn.hoibot.survey;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Units and members written straight into the tables, independent of the roster's services. */
final class SurveyFixture {

    static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final JdbcClient jdbc;
    final String prefix = "SV" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;

    SurveyFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long unit(String code, String level, Long parent) {
        String c = prefix + "-" + code;
        jdbc.sql("insert into org_unit (code, name, level, valid_from) values (:c, :n, :l, :f)")
                .param("c", c).param("n", "Đơn vị " + code).param("l", level).param("f", START).update();
        long id = jdbc.sql("select id from org_unit where code = :c").param("c", c).query(Long.class).single();
        if (parent != null) {
            jdbc.sql("insert into org_unit_parent (unit_id, parent_id, valid_from) values (:u, :p, :f)")
                    .param("u", id).param("p", parent).param("f", START).update();
        }
        return id;
    }

    long member(String name, long unit) {
        String key = name + " " + SEQ.incrementAndGet() + "x" + System.nanoTime();
        jdbc.sql("""
                insert into member (full_name, name_key, party_member, pioneer, status)
                values (:n, :k, false, false, 'ACTIVE')""").param("n", name).param("k", key).update();
        long id = jdbc.sql("select id from member where name_key = :k").param("k", key).query(Long.class).single();
        jdbc.sql("insert into member_unit (member_id, unit_id, valid_from) values (:m, :u, :f)")
                .param("m", id).param("u", unit).param("f", START).update();
        return id;
    }
}
