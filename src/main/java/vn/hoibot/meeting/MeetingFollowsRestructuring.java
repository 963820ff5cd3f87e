package vn.hoibot.meeting;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoibot.org.UnitSplit;
import vn.hoibot.org.UnitsMerged;
import vn.hoibot.time.ServiceZone;

/**
 * Activities and recurring series follow a merge or split, inside its transaction: what is still to come (activities
 * from the change day on, series not ended) is organised by and invites the successor instead of the unit that
 * ended, so its invitees, reminders and RSVP audiences are not empty. Activities already held stay where they were
 * (the indicator engine follows the change for them).
 */
@Component
class MeetingFollowsRestructuring {

    private final JdbcTemplate jdbc;

    MeetingFollowsRestructuring(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(UnitsMerged merged) {
        for (Long absorbed : merged.absorbedIds()) {
            follow(absorbed, merged.survivorId(), List.of(merged.survivorId()), merged.on());
        }
    }

    /** A split unit's activities go to the default part; their audience becomes every part (all were invited). */
    @EventListener
    void on(UnitSplit split) {
        Set<Long> parts = new LinkedHashSet<>();
        parts.add(split.defaultTargetId());
        parts.addAll(split.memberTargets().values());
        // every part the change record names (a part may receive only child units, no members of its own)
        parts.addAll(jdbc.queryForList("""
                select d.unit_id from org_change c
                  join org_change_unit s on s.change_id = c.id and s.part = 'SOURCE'
                  join org_change_unit d on d.change_id = c.id and d.part = 'TARGET'
                 where c.change_type = 'SPLIT' and s.unit_id = ? and c.effective_date = ?""", Long.class,
                split.splitId(), split.on()));
        follow(split.splitId(), split.defaultTargetId(), List.copyOf(parts), split.on());
    }

    private void follow(long ended, long organiser, List<Long> audience, LocalDate on) {
        OffsetDateTime since = on.atStartOfDay(ServiceZone.VIETNAM).toInstant().atOffset(ZoneOffset.UTC);
        String comingActivities = "select id from activity where starts_at >= ?";
        String openSeries = "select id from activity_series where ended_at is null";
        jdbc.update("update activity set unit_id = ? where unit_id = ? and starts_at >= ?", organiser, ended, since);
        jdbc.update("update activity_series set unit_id = ? where unit_id = ? and ended_at is null", organiser, ended);
        for (long unit : audience) {
            jdbc.update("""
                    insert into activity_audience (activity_id, unit_id)
                    select a.activity_id, ? from activity_audience a
                     where a.unit_id = ? and a.activity_id in (%s)
                       and not exists (select 1 from activity_audience b where b.activity_id = a.activity_id
                                         and b.unit_id = ?)""".formatted(comingActivities), unit, ended, since, unit);
            jdbc.update("""
                    insert into activity_series_audience (series_id, unit_id)
                    select a.series_id, ? from activity_series_audience a
                     where a.unit_id = ? and a.series_id in (%s)
                       and not exists (select 1 from activity_series_audience b where b.series_id = a.series_id
                                         and b.unit_id = ?)""".formatted(openSeries), unit, ended, unit);
        }
        jdbc.update("delete from activity_audience where unit_id = ? and activity_id in (" + comingActivities + ")",
                ended, since);
        jdbc.update("delete from activity_series_audience where unit_id = ? and series_id in (" + openSeries + ")",
                ended);
    }

}
