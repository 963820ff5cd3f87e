/**
 * Shared ground for time: {@link vn.hoibot.time.Period} (the half-open validity of dated rows, with its rule for SQL
 * and JPA), {@link vn.hoibot.time.DatedRow}, {@link vn.hoibot.time.ServiceZone} (Asia/Ho_Chi_Minh), and the Vietnamese
 * parsers: {@link vn.hoibot.time.VietnameseDates} (dates and times as people type them) and
 * {@link vn.hoibot.time.Recurrence} (monthly rules). Depends on {@code text} and on {@code chat} only for
 * {@code UserFacingException}.
 */
package vn.hoibot.time;
