package vn.hoibot.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.text.Texts;

/**
 * A monthly rule: on a day of the month ({@code ngày 15 hằng tháng 19h30}; the last day in shorter months), or
 * on the n-th (or last) weekday of the month ({@code chủ nhật đầu tiên của tháng 8h}, {@code thứ 6 cuối cùng
 * của tháng 19h}, {@code thứ 7 thứ 2 hằng tháng 14h}). Stored as a short code: {@code D15} or {@code W1-7}
 * (n-th, ISO weekday; n = -1 for the last).
 *
 * @param dayOfMonth 1-31, or 0 for a weekday rule
 * @param nth        1-4 or -1 (last), for a weekday rule
 * @param weekday    for a weekday rule, else null
 * @param time       local start time
 */
public record Recurrence(int dayOfMonth, int nth, DayOfWeek weekday, LocalTime time) {

    private static final Pattern MONTHLY = Pattern.compile("\\b(hang|moi|cua|trong)\\s*thang\\b");
    private static final Pattern DAY = Pattern.compile(
            "\\bngay\\s*(\\d{1,2})\\b|(?<![\\d/:])\\b(\\d{1,2})\\s+(?=(?:hang|moi)\\s*thang)");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:thu\\s*(2|3|4|5|6|7|hai|ba|tu|nam|sau|bay)|chu\\s*nhat|cn)\\b\\s*"
                    + "(dau\\s*tien|thu\\s*nhat|cuoi\\s*cung|cuoi|thu\\s*(?:2|3|4|hai|ba|tu)|tuan\\s*(?:thu\\s*)?[1-4])?");

    private static final LocalDate ANY_DAY = LocalDate.of(2000, 1, 1);

    public Recurrence {
        if (time == null) {
            throw new IllegalArgumentException("time");
        }
    }

    /** Reads a monthly rule, or empty when the text names no repetition ({@code hằng tháng}, {@code của tháng}...). */
    public static Optional<Recurrence> parse(String text) {
        String s = " " + Texts.fold(text).replaceAll("\\bcuoi\\s*thang\\b", "cuoi cua thang") + " ";
        if (!MONTHLY.matcher(s).find()) {
            return Optional.empty();
        }
        int day = 0;
        int nth = 0;
        DayOfWeek weekday = null;
        Matcher d = DAY.matcher(s);
        Matcher w = WEEKDAY.matcher(s);
        if (w.find()) {
            weekday = weekday(w.group(1), w.group().startsWith("c"));
            nth = nth(w.group(2), text);
            s = s.substring(0, w.start()) + " " + s.substring(w.end());
        } else if (d.find()) {
            day = Integer.parseInt(d.group(1) != null ? d.group(1) : d.group(2));
            if (day < 1 || day > 31) {
                throw new UserFacingException("time.date.invalid", text);
            }
            s = s.substring(0, d.start()) + " " + s.substring(d.end());
        } else {
            throw new UserFacingException("time.recur.unreadable", text);
        }
        Matcher monthly = MONTHLY.matcher(s);
        if (monthly.find()) {
            s = s.substring(0, monthly.start()) + " " + s.substring(monthly.end());
        }
        String timeText = s.replaceAll("\\b(vao|luc|cac)\\b", " ").strip();
        if (timeText.isEmpty()) {
            throw new UserFacingException("time.date.no_time", text);
        }
        VietnameseDates.Parsed rest;
        try {
            rest = VietnameseDates.parse(timeText, ANY_DAY); // a date is refused below, so "today" does not matter
        } catch (VietnameseDates.Question e) {
            throw e;
        } catch (UserFacingException e) {
            throw new UserFacingException(e.key().equals("time.date.unreadable") ? "time.recur.unreadable"
                    : e.key(), text);
        }
        if (rest.date() != null) {
            throw new UserFacingException("time.recur.unreadable", text);
        }
        if (rest.time() == null) {
            throw new UserFacingException("time.date.no_time", text);
        }
        return Optional.of(new Recurrence(day, nth, weekday, rest.time()));
    }

    public static Recurrence decode(String code, LocalTime time) {
        if (code.startsWith("D")) {
            return new Recurrence(Integer.parseInt(code.substring(1)), 0, null, time);
        }
        int dash = code.lastIndexOf('-');
        return new Recurrence(0, Integer.parseInt(code.substring(1, dash)),
                DayOfWeek.of(Integer.parseInt(code.substring(dash + 1))), time);
    }

    public String code() {
        return weekday == null ? "D" + dayOfMonth : "W" + nth + "-" + weekday.getValue();
    }

    /** The day it falls on in a month. */
    public LocalDate in(YearMonth month) {
        if (weekday == null) {
            return month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        }
        LocalDate first = month.atDay(1);
        return nth < 0 ? month.atEndOfMonth().with(TemporalAdjusters.lastInMonth(weekday))
                : first.with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday));
    }

    /** The days it falls on from {@code from} to {@code to}, both included. */
    public List<LocalDate> between(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate day = in(m);
            if (!day.isBefore(from) && !day.isAfter(to)) {
                days.add(day);
            }
        }
        return days;
    }

    private static DayOfWeek weekday(String n, boolean sunday) {
        if (n == null || sunday) {
            return DayOfWeek.SUNDAY;
        }
        return switch (n) {
            case "2", "hai" -> DayOfWeek.MONDAY;
            case "3", "ba" -> DayOfWeek.TUESDAY;
            case "4", "tu" -> DayOfWeek.WEDNESDAY;
            case "5", "nam" -> DayOfWeek.THURSDAY;
            case "6", "sau" -> DayOfWeek.FRIDAY;
            default -> DayOfWeek.SATURDAY;
        };
    }

    private static int nth(String ordinal, String text) {
        if (ordinal == null) {
            throw new UserFacingException("time.recur.which_week", text);
        }
        String o = ordinal.replaceAll("\\s+", "");
        if (o.equals("dautien") || o.equals("thunhat")) {
            return 1;
        }
        if (o.startsWith("cuoi")) {
            return -1;
        }
        String n = o.replaceAll("^(thu|tuanthu|tuan)", "");
        return switch (n) {
            case "1" -> 1;
            case "2", "hai" -> 2;
            case "3", "ba" -> 3;
            default -> 4;
        };
    }
}
