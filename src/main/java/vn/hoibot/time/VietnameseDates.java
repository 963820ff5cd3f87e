package vn.hoibot.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

/**
 * Reads dates and times the way Vietnamese users type them: {@code 15/3}, {@code 15/03/2026 19h30},
 * {@code 19:30 15/3}, {@code 7h tối thứ 6}, {@code thứ 6 tuần sau 19h}, {@code ngày mai 8 giờ rưỡi sáng},
 * {@code CN 14h}. Diacritics are optional. Dates are day first (dd/MM/yyyy). A date without a year that is
 * already past this year means next year. Whatever cannot be read fully is refused with
 * {@code time.date.unreadable}; an impossible date (31/2) with {@code time.date.invalid}.
 */
public final class VietnameseDates {

    /** What was read: either part may be missing (null). */
    public record Parsed(LocalDate date, LocalTime time) {
    }

    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})\\s*(?::|gio|h|g)\\s*(\\d{1,2}|ruoi)?(?:\\s*(?:phut|p))?(?![\\d/])");
    private static final Pattern PERIOD = Pattern.compile("(?<!tuan )\\b(sang|trua|chieu|toi|dem)\\b");
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{2}|\\d{4}))?(?!\\d)");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:thu\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|t([2-7])|chu\\s*nhat|cn)\\b"
                    + "(?:\\s*(tuan\\s*(?:sau|toi)|tuan\\s*nay))?");
    private static final Pattern NEXT_WEEK_PREFIX = Pattern.compile("\\btuan\\s*(sau|toi|nay)\\b");
    private static final Pattern RELATIVE = Pattern.compile("\\b(hom\\s*nay|ngay\\s*mai|mai|ngay\\s*kia|ngay\\s*mot)\\b");
    private static final Pattern FILLER = Pattern.compile("\\b(ngay|luc|vao|buoi)\\b|[,;-]");

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

    /** Whatever date and time the text names (at least one of them). */
    public static Parsed parse(String text, LocalDate today) {
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
        Matcher p = PERIOD.matcher(s);
        if (p.find()) {
            if (time == null) {
                throw new UserFacingException("time.date.no_time", text);
            }
            time = withPeriod(time, p.group(1), text);
            s = remove(s, p);
        }
        LocalDate date = null;
        Matcher d = DATE.matcher(s);
        Matcher w = WEEKDAY.matcher(s);
        Matcher r = RELATIVE.matcher(s);
        if (d.find()) {
            date = explicitDate(d, today, text);
            s = remove(s, d);
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
                case "homnay" -> today;
                case "ngaymai", "mai" -> today.plusDays(1);
                default -> today.plusDays(2);
            };
            s = remove(s, r);
        }
        s = FILLER.matcher(s).replaceAll(" ").strip();
        if (!s.isEmpty() || (date == null && time == null)) {
            throw new UserFacingException("time.date.unreadable", text);
        }
        return new Parsed(date, time);
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

    private static LocalDate explicitDate(Matcher m, LocalDate today, String text) {
        int day = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        String y = m.group(3);
        try {
            if (y != null) {
                int year = Integer.parseInt(y);
                return LocalDate.of(y.length() == 2 ? 2000 + year : year, month, day);
            }
            LocalDate date = LocalDate.of(today.getYear(), month, day);
            return date.isBefore(today) ? LocalDate.of(today.getYear() + 1, month, day) : date;
        } catch (DateTimeException e) {
            throw new UserFacingException("time.date.invalid", text);
        }
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
