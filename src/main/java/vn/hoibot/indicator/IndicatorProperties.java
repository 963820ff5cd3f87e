package vn.hoibot.indicator;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the indicator module ({@code hoibot.indicator}, file {@code config/indicators.yml}); the definitions
 * they tune are in {@code docs/indicators.md}.
 *
 * @param communeLevel         level code of the commune units
 * @param branchLevel          level code of the branches
 * @param monthlyActivityShare C2: share of branch-months that need a held activity
 * @param knownShare           C4–C6: share of members that need to be known
 * @param knowledgeTypes       I5: activity types that count as knowledge activities
 * @param womenDayWindow       I5: the 8/3 window, {@code dd/MM-dd/MM}
 * @param vietnameseWomenDayWindow I5: the 20/10 window, {@code dd/MM-dd/MM}
 * @param i5MinActivities      I5: activities needed per commune unit and year
 * @param targets              targets of I1–I7 (shares)
 * @param termStart            first day of the term ({@code nhiemky})
 * @param termEnd              last day of the term
 * @param baselinePartyShare   share of branch heads who were party members at the baseline (January 2023)
 * @param cutoffDay            1: calendar periods; 2–28: periods start on this day of the month before
 * @param onTimeDays           days after a period within which its unit report is on time
 */
@Validated
@ConfigurationProperties("hoibot.indicator")
public record IndicatorProperties(
        @DefaultValue("commune") @NotBlank String communeLevel,
        @DefaultValue("branch") @NotBlank String branchLevel,
        @DefaultValue("0.9") @DecimalMin("0") @DecimalMax("1") double monthlyActivityShare,
        @DefaultValue("0.8") @DecimalMin("0") @DecimalMax("1") double knownShare,
        @DefaultValue({ "knowledge", "women_day_8_3", "women_day_20_10" }) @NotEmpty List<String> knowledgeTypes,
        @DefaultValue("01/03-31/03") @NotBlank String womenDayWindow,
        @DefaultValue("01/10-31/10") @NotBlank String vietnameseWomenDayWindow,
        @DefaultValue("2") @Min(1) int i5MinActivities,
        @DefaultValue @NotNull @Valid Targets targets,
        @DefaultValue("2022-01-01") @NotNull LocalDate termStart,
        @DefaultValue("2027-12-31") @NotNull LocalDate termEnd,
        @DefaultValue("0.232") @DecimalMin("0") @DecimalMax("1") double baselinePartyShare,
        @DefaultValue("1") @Min(1) @Max(28) int cutoffDay,
        @DefaultValue("15") @Min(0) int onTimeDays) {

    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2})/(\\d{1,2})-(\\d{1,2})/(\\d{1,2})");

    public IndicatorProperties {
        knowledgeTypes = List.copyOf(knowledgeTypes);
        if (termStart != null && termEnd != null && termEnd.isBefore(termStart)) {
            throw new IllegalArgumentException("hoibot.indicator.term-end is before term-start");
        }
        window(womenDayWindow);
        window(vietnameseWomenDayWindow);
    }

    /** Targets of the indicators, as shares (1.0 = 100%). */
    public record Targets(
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i1,
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i2,
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i3,
            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double i4,
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i5,
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i6,
            @DefaultValue("1.0") @DecimalMin("0") @DecimalMax("1") double i7) {
    }

    /** The defaults, as written in {@code config/indicators.yml}. */
    public static IndicatorProperties defaults() {
        return new IndicatorProperties("commune", "branch", 0.9, 0.8,
                List.of("knowledge", "women_day_8_3", "women_day_20_10"), "01/03-31/03", "01/10-31/10", 2,
                new Targets(1.0, 1.0, 1.0, 0.5, 1.0, 1.0, 1.0), LocalDate.of(2022, 1, 1), LocalDate.of(2027, 12, 31),
                0.232, 1, 15);
    }

    /** A yearly window as {first day, last day}, both inclusive. */
    static MonthDay[] window(String spec) {
        Matcher m = spec == null ? null : WINDOW.matcher(spec.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("an I5 window is written dd/MM-dd/MM, e.g. 01/03-31/03: " + spec);
        }
        MonthDay from = MonthDay.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        MonthDay to = MonthDay.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)));
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an I5 window ends before it starts: " + spec);
        }
        return new MonthDay[] { from, to };
    }

    MonthDay[][] windows() {
        return new MonthDay[][] { window(womenDayWindow), window(vietnameseWomenDayWindow) };
    }
}
