package vn.hoibot.indicator.bot;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import vn.hoibot.chat.Button;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.indicator.ReportPeriod;
import vn.hoibot.indicator.ReportPeriods;

/**
 * The span of a record chosen by a button: the current half-year, the current year, or from today with no end
 * (labels {@code indicator.resource.span.<NAME>}).
 */
enum Span {
    HALF, YEAR, OPEN;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Its first and last day (null: no end) as of {@code today}. */
    record Dates(LocalDate from, LocalDate to) {

        /** The span as words in her language ({@code indicator.span.closed} or {@code indicator.span.open}). */
        String describe(ChatContext ctx) {
            return to == null ? ctx.text("indicator.span.open", DAY.format(from))
                    : ctx.text("indicator.span.closed", DAY.format(from), DAY.format(to));
        }
    }

    Dates dates(ReportPeriods periods, LocalDate today) {
        ReportPeriod period = switch (this) {
            case HALF -> periods.currentHalf(today);
            case YEAR -> periods.parse("nam-" + today.getYear());
            case OPEN -> null;
        };
        return period == null ? new Dates(today, null) : new Dates(period.from(), period.to());
    }

    /** One button a row, each carrying the payload made for its span. */
    static List<List<Button>> buttons(ChatContext ctx, String action, Function<Span, Record> payload) {
        return java.util.Arrays.stream(values())
                .map(s -> List.of(ctx.button("indicator.resource.span." + s.name(), action, payload.apply(s))))
                .toList();
    }
}
