package vn.hoibot.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

/**
 * Reads dates and times the way Vietnamese users type them: {@code 15/3}, {@code 15/03/2026 19h30},
 * {@code 19:30 15/3}, {@code 7h tối thứ 6}, {@code thứ 6 tuần sau 19h}, {@code ngày mai 8 giờ rưỡi sáng},
 * {@code CN 14h}, {@code tối nay 8h}, {@code 7 giờ 30 tối nay}, {@code 20h ngày 20}, {@code 3 giờ chiều ngày 15 tháng 12},
 * {@code chiều mai 3h}. Diacritics are optional. Dates are day first (dd/MM/yyyy).
 * <p>
 * It never guesses silently. What it cannot decide alone is a {@link Question} (a {@link UserFacingException} whose
 * text asks her): a date without a year that is already past this year ({@code năm sau?}), an hour from 1 to 6
 * without a part of the day ({@code 2h50}: sáng or chiều?), a part of the day without an hour ({@code sáng chủ nhật}:
 * mấy giờ?). Her answer is put together with what she typed first by {@link #answer}. A day of the month alone
 * ({@code ngày 20}) that has passed this month is the 20th of next month. Whatever cannot be read fully is refused with
 * {@code time.date.unreadable}; an impossible date (31/2) with {@code time.date.invalid}.
 */
public final class VietnameseDates {

    /** What was read: either part may be missing (null). */
    public record Parsed(LocalDate date, LocalTime time) {
    }

    /** A question back to her instead of a guess; its key and arguments render the question. */
    public static final class Question extends UserFacingException {
        private static final long serialVersionUID = 1L;

        Question(String key, Object... args) {
            super(key, args);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})\\s*(?::|gio|h|g)\\s*(\\d{1,2}|ruoi)?(?:\\s*(?:phut|p))?(?![\\d/])");
    private static final Pattern PERIOD = Pattern.compile("(?<!tuan |nam )\\b(sang|trua|chieu|toi|dem)\\b");
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{2}|\\d{4}))?(?!\\d)");
    /** {@code ngày 15 tháng 12 (năm 2026)}, {@code 15 tháng 12}. */
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?:\\bngay\\s*|(?<![\\d:]))(\\d{1,2})\\s*thang\\s*(\\d{1,2})(?:\\s*(?:nam\\s*)?(\\d{4}))?\\b");
    /** {@code ngày 20}: a day of this month (or the next one, when it has passed). */
    private static final Pattern DAY_OF_MONTH = Pattern.compile("\\bngay\\s*(\\d{1,2})\\b(?!\\s*(?:/|thang))");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:thu\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|t([2-7])|chu\\s*nhat|cn)\\b"
                    + "(?:\\s*(tuan\\s*(?:sau|toi)|tuan\\s*nay))?");
    private static final Pattern NEXT_WEEK_PREFIX = Pattern.compile("\\btuan\\s*(sau|toi|nay)\\b");
    private static final Pattern YEAR_WORD = Pattern.compile("(?<!thu )\\bnam\\s*(sau|toi|nay)\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(hom\\s*nay|ngay\\s*mai|mai|ngay\\s*kia|ngay\\s*mot|(?<!tuan |nam )nay)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(ngay|luc|vao|buoi)\\b|[,;-]");
    private static final Set<String> YES = Set.of("co", "co a", "vang", "vang a", "u", "dung", "dung roi", "dung vay",
            "ok", "nam sau", "phai", "da", "da vang", "yes");

    private VietnameseDates() {
    }

    /** A date and a time; both must be present. */
    public static LocalDateTime dateTime(String text, LocalDate today) {
        Parsed parsed = parse(text, today);
        if (parsed.date() == null) {
            throw new UserFacingException("time.date.no_date", text);
        }
        if (parsed.time() == null) {
            throw new UserFacingException("time.date.no_time", text);
        }
        return LocalDateTime.of(parsed.date(), parsed.time());
    }

    /** Whatever date and time the text names (at least one of them); asks instead of guessing. */
    public static Parsed parse(String text, LocalDate today) {
        Reading r = read(text, today);
        if (r.ambiguousHour()) {
            throw partOfDay(text, r.time());
        }
        return new Parsed(r.date(), r.time());
    }

    /**
     * The end of something that starts at {@code start}: a time alone is on the start's day, and an hour from 1 to 6
     * without a part of the day is the reading that comes after the start (4h after 14:00 is 16:00); when neither or
     * both readings do, she is asked.
     */
    public static LocalDateTime endAfter(String text, LocalDateTime start) {
        Reading r = read(text, start.toLocalDate());
        if (r.time() == null) {
            throw new UserFacingException("time.date.no_time", text);
        }
        LocalDate day = r.date() != null ? r.date() : start.toLocalDate();
        LocalDateTime end = LocalDateTime.of(day, r.time());
        if (r.ambiguousHour()) {
            LocalDateTime later = end.plusHours(12);
            boolean early = end.isAfter(start);
            boolean late = !later.toLocalDate().isAfter(day) && later.isAfter(start);
            if (early == late) {
                throw partOfDay(text, r.time());
            }
            return early ? end : later;
        }
        return end;
    }

    /**
     * What to read after she answered a {@link Question} about {@code pending}: {@code có} to next year means
     * {@code năm sau}; a part of the day or an hour is added to what she typed first; a full new answer replaces it.
     */
    public static String answer(String pending, String reply, LocalDate today) {
        if (pending == null || pending.isBlank()) {
            return reply;
        }
        String f = Texts.fold(reply).replaceAll("[.!]+$", "").strip();
        if (YES.contains(f)) {
            return pending + " nam sau";
        }
        String combined = pending + " " + reply;
        try {
            if (Recurrence.parse(combined).isPresent()) {
                return combined;
            }
            read(combined, today);
            return combined;
        } catch (Question q) {
            return combined;
        } catch (UserFacingException e) {
            return reply;
        }
    }

    /** True when she said yes ({@code có}, {@code đúng}, {@code vâng}…). */
    public static boolean isYes(String reply) {
        return YES.contains(Texts.fold(reply).replaceAll("[.!]+$", "").strip());
    }

    private record Reading(LocalDate date, LocalTime time, boolean ambiguousHour) {
    }

    private static Reading read(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            throw new UserFacingException("time.date.unreadable", "");
        }
        String s = " " + Texts.fold(text) + " ";
        LocalTime time = null;
        Matcher t = TIME.matcher(s);
        if (t.find()) {
            time = time(t, text);
            s = remove(s, t);
            if (TIME.matcher(s).find()) {
                throw new UserFacingException("time.date.unreadable", text);
            }
        }
        boolean ambiguous = time != null && time.getHour() >= 1 && time.getHour() <= 6;
        String period = null;
        Matcher p = PERIOD.matcher(s);
        if (p.find()) {
            period = p.group(1);
            if (time != null) {
                time = withPeriod(time, period, text);
            }
            ambiguous = false;
            s = remove(s, p);
        }
        Boolean nextYear = null;
        Matcher y = YEAR_WORD.matcher(s);
        if (y.find()) {
            nextYear = !y.group(1).equals("nay");
            s = remove(s, y);
        }
        LocalDate date = null;
        Matcher d = DATE.matcher(s);
        Matcher dw = DATE_WORDS.matcher(s);
        Matcher dm = DAY_OF_MONTH.matcher(s);
        Matcher w = WEEKDAY.matcher(s);
        Matcher r = RELATIVE.matcher(s);
        if (d.find()) {
            date = explicitDate(d.group(1), d.group(2), d.group(3), nextYear, today, text);
            s = remove(s, d);
        } else if (dw.find()) {
            date = explicitDate(dw.group(1), dw.group(2), dw.group(3), nextYear, today, text);
            s = remove(s, dw);
        } else if (dm.find()) {
            date = dayOfMonth(Integer.parseInt(dm.group(1)), today, text);
            s = remove(s, dm);
        } else if (w.find()) {
            String week = w.group(3);
            s = remove(s, w);
            if (week == null) {
                Matcher prefix = NEXT_WEEK_PREFIX.matcher(s);
                if (prefix.find()) {
                    week = prefix.group();
                    s = remove(s, prefix);
                }
            }
            date = weekday(w, week, today);
        } else if (r.find()) {
            String word = r.group(1).replace(" ", "");
            date = switch (word) {
                case "homnay", "nay" -> today;
                case "ngaymai", "mai" -> today.plusDays(1);
                default -> today.plusDays(2);
            };
            s = remove(s, r);
        }
        if (nextYear != null && date == null) {
            throw new UserFacingException("time.date.unreadable", text);
        }
        s = FILLER.matcher(s).replaceAll(" ").strip();
        if (!s.isEmpty() || (date == null && time == null && period == null)) {
            throw new UserFacingException("time.date.unreadable", text);
        }
        if (period != null && time == null) {
            if (date == null) {
                throw new UserFacingException("time.date.no_time", text);
            }
            throw new Question("time.ask.hour", text.strip());
        }
        return new Reading(date, time, ambiguous);
    }

    private static Question partOfDay(String text, LocalTime time) {
        String typed = String.format("%d:%02d", time.getHour(), time.getMinute());
        String afternoon = String.format("%d:%02d", time.getHour() + 12, time.getMinute());
        return new Question("time.ask.part_of_day", text.strip(), typed, afternoon);
    }

    private static String remove(String s, Matcher m) {
        return s.substring(0, m.start()) + " " + s.substring(m.end());
    }

    private static LocalTime time(Matcher m, String text) {
        int hour = Integer.parseInt(m.group(1));
        String min = m.group(2);
        int minute = min == null ? 0 : min.equals("ruoi") ? 30 : Integer.parseInt(min);
        if (hour > 24 || minute > 59 || (hour == 24 && minute > 0)) {
            throw new UserFacingException("time.date.invalid", text);
        }
        return LocalTime.of(hour % 24, minute);
    }

    private static LocalTime withPeriod(LocalTime time, String period, String text) {
        int h = time.getHour();
        int hour = switch (period) {
            case "sang" -> h == 12 ? 0 : h;
            case "trua" -> h <= 4 ? h + 12 : h;
            case "chieu", "toi" -> h < 12 ? h + 12 : h;
            default -> h == 12 ? 0 : (h >= 6 && h < 12) ? h + 12 : h; // dem: 11h đêm = 23:00, 2h đêm = 02:00
        };
        if (period.equals("sang") && h > 12) {
            throw new UserFacingException("time.date.invalid", text);
        }
        return LocalTime.of(hour, time.getMinute());
    }

    /** A date with its year, or without: one already past this year is asked about ({@code năm sau?}). */
    private static LocalDate explicitDate(String dayText, String monthText, String y, Boolean nextYear,
            LocalDate today, String text) {
        int day = Integer.parseInt(dayText);
        int month = Integer.parseInt(monthText);
        try {
            if (y != null) {
                int year = Integer.parseInt(y);
                return LocalDate.of(y.length() == 2 ? 2000 + year : year, month, day);
            }
            if (nextYear != null) {
                return LocalDate.of(today.getYear() + (nextYear ? 1 : 0), month, day);
            }
            LocalDate date = LocalDate.of(today.getYear(), month, day);
            if (date.isBefore(today)) {
                LocalDate next = LocalDate.of(today.getYear() + 1, month, day);
                throw new Question("time.ask.next_year", day + "/" + month, DAY.format(next));
            }
            return date;
        } catch (DateTimeException e) {
            throw new UserFacingException("time.date.invalid", text);
        }
    }

    private static LocalDate dayOfMonth(int day, LocalDate today, String text) {
        for (int ahead = 0; ahead < 3; ahead++) {
            LocalDate month = today.withDayOfMonth(1).plusMonths(ahead);
            if (day >= 1 && day <= month.lengthOfMonth()) {
                LocalDate date = month.withDayOfMonth(day);
                if (!date.isBefore(today)) {
                    return date;
                }
            }
        }
        throw new UserFacingException("time.date.invalid", text);
    }

    /** {@code thứ 6}: the coming Friday (today if it is Friday); {@code thứ 6 tuần sau}: Friday of next week. */
    private static LocalDate weekday(Matcher m, String week, LocalDate today) {
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        DayOfWeek day = n == null ? DayOfWeek.SUNDAY : switch (n) {
            case "2", "hai" -> DayOfWeek.MONDAY;
            case "3", "ba" -> DayOfWeek.TUESDAY;
            case "4", "tu" -> DayOfWeek.WEDNESDAY;
            case "5", "nam" -> DayOfWeek.THURSDAY;
            case "6", "sau" -> DayOfWeek.FRIDAY;
            default -> DayOfWeek.SATURDAY;
        };
        if (week == null) {
            return today.with(TemporalAdjusters.nextOrSame(day));
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (!week.replace(" ", "").equals("tuannay")) {
            monday = monday.plusWeeks(1);
        }
        return monday.plusDays(day.getValue() - 1L);
    }
}
