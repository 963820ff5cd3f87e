package vn.hoibot.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.Messages;

/**
 * Dates as people read them, always with the weekday: {@code Thứ Sáu 11/12/2026, 19:30}, so a misread date shows at
 * once in every preview and confirmation.
 */
@Component
public class DateDisplay {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Messages messages;
    private final Clock clock;

    DateDisplay(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code Thứ Sáu 11/12/2026}. */
    public String date(LocalDate date, Locale locale) {
        return messages.get(locale, "time.weekday." + date.getDayOfWeek().getValue()) + " " + DAY.format(date);
    }

    /** {@code Thứ Sáu 11/12/2026, 19:30}. */
    public String dateTime(LocalDateTime at, Locale locale) {
        return date(at.toLocalDate(), locale) + ", " + TIME.format(at);
    }

    /** The instant in the service zone, {@code Thứ Sáu 11/12/2026, 19:30}. */
    public String dateTime(Instant at, Locale locale) {
        return dateTime(LocalDateTime.ofInstant(at, clock.getZone()), locale);
    }

    /** {@code 19:30}. */
    public String time(Instant at) {
        return TIME.format(at.atZone(clock.getZone()));
    }

    /** {@code Thứ Sáu 11/12/2026, 19:30 – 21:30}, or with the end's date when it ends another day. */
    public String span(Instant start, Instant end, Locale locale) {
        LocalDateTime s = LocalDateTime.ofInstant(start, clock.getZone());
        LocalDateTime e = LocalDateTime.ofInstant(end, clock.getZone());
        return dateTime(s, locale) + " – " + (s.toLocalDate().equals(e.toLocalDate()) ? TIME.format(e) : dateTime(e, locale));
    }
}
