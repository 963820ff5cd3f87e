package vn.hoibot.meeting.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;
import vn.hoibot.time.VietnameseDates;

/** Small helpers for command arguments. */
final class Args {

    private Args() {
    }

    /** The activity number at the start of the arguments ({@code 12} or {@code #12}). */
    static long activityId(String args, String usageKey) {
        String first = args.strip().split("\\s+", 2)[0].replace("#", "");
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            throw new UserFacingException(usageKey);
        }
    }

    /** What follows the activity number. */
    static String rest(String args) {
        String[] parts = args.strip().split("\\s+", 2);
        return parts.length < 2 ? "" : parts[1].strip();
    }

    /** The date and time written after the activity number (Vietnamese style), in the clock's zone. */
    static Instant when(String args, String usageKey, Clock clock) {
        String when = rest(args);
        if (when.isEmpty()) {
            throw new UserFacingException(usageKey);
        }
        return VietnameseDates.dateTime(when, LocalDate.now(clock)).atZone(clock.getZone()).toInstant();
    }

    /** The member she is linked to, or a polite refusal. */
    static long member(ChatContext ctx, Accounts accounts) {
        return accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .orElseThrow(() -> new UserFacingException("meeting.not_linked"));
    }
}
