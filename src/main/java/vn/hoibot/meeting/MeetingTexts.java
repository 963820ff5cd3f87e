package vn.hoibot.meeting;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;
import vn.hoibot.time.DateDisplay;
import vn.hoibot.time.Recurrence;

/** Renders an activity for people: its type, title, time (with the weekday, Vietnam time), place and partners. */
@Component
public class MeetingTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final DateDisplay dates;

    MeetingTexts(Messages messages, DateDisplay dates) {
        this.messages = messages;
        this.dates = dates;
    }

    public String typeLabel(String code, Locale locale) {
        return messages.get(locale, "meeting.type." + code);
    }

    /** {@code Thứ Sáu 11/12/2026, 19:30 – 21:30}. */
    public String when(Instant start, Instant end, Locale locale) {
        return dates.span(start, end, locale);
    }

    /** {@code Thứ Sáu 11/12/2026, 19:30}. */
    public String dayTime(Instant at, Locale locale) {
        return dates.dateTime(at, locale);
    }

    /** {@code 19:30}, Vietnam time. */
    public String time(Instant at) {
        return dates.time(at);
    }

    /** Several lines: "#id title (type)", time, place or link, partners. */
    public String describe(ActivityView a, Locale locale) {
        StringBuilder text = new StringBuilder(a.id() > 0
                ? messages.get(locale, "meeting.describe.title", String.valueOf(a.id()), a.title(),
                        typeLabel(a.typeCode(), locale))
                : messages.get(locale, "meeting.describe.title_new", a.title(), typeLabel(a.typeCode(), locale)));
        text.append('\n').append(messages.get(locale, "meeting.describe.when", when(a.startsAt(), a.endsAt(), locale)));
        if (a.place() != null) {
            text.append('\n').append(messages.get(locale, "meeting.describe.place", a.place()));
        }
        if (a.link() != null) {
            text.append('\n').append(messages.get(locale, "meeting.describe.link", a.link()));
        }
        if (a.partners() != null) {
            text.append('\n').append(messages.get(locale, "meeting.describe.partners", a.partners()));
        }
        return text.toString();
    }

    /** What changed, a line each: {@code 🕒 Thứ Sáu 11/12/2026, 19:30 – 21:30 → Thứ Bảy 12/12/2026, 19:30 – 21:30}. */
    public String changes(ActivityView before, ActivityView after, Locale locale) {
        StringBuilder lines = new StringBuilder();
        String oldWhen = when(before.startsAt(), before.endsAt(), locale);
        String newWhen = when(after.startsAt(), after.endsAt(), locale);
        change(lines, locale, "meeting.notice.change.when", oldWhen, newWhen);
        change(lines, locale, "meeting.notice.change.title", before.title(), after.title());
        change(lines, locale, "meeting.notice.change.place", before.place(), after.place());
        change(lines, locale, "meeting.notice.change.link", before.link(), after.link());
        return lines.toString().strip();
    }

    private void change(StringBuilder lines, Locale locale, String key, String old, String now) {
        if (!java.util.Objects.equals(old, now)) {
            String none = messages.get(locale, "meeting.notice.change.none");
            lines.append(messages.get(locale, key, old == null ? none : old, now == null ? none : now)).append('\n');
        }
    }

    /** {@code ngày 15 hằng tháng, 19:30} or {@code chủ nhật đầu tiên của tháng, 08:00}. */
    public String recurrence(Recurrence rule, Locale locale) {
        String time = TIME.format(rule.time());
        if (rule.weekday() == null) {
            return messages.get(locale, "meeting.recur.monthly_day", String.valueOf(rule.dayOfMonth()), time);
        }
        String nth = rule.nth() < 0 ? "last" : String.valueOf(rule.nth());
        return messages.get(locale, "meeting.recur.monthly_weekday",
                messages.get(locale, "meeting.weekday." + rule.weekday().getValue()),
                messages.get(locale, "meeting.recur.nth." + nth), time);
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }
}
