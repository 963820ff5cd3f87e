package vn.hoibot.report;

import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the report module ({@code hoibot.report.*}).
 *
 * @param font         font family of the charts; it must display Vietnamese (a warning at start when it cannot)
 * @param chartWidth   width of every chart in pixels (a phone screen's width)
 * @param maxBars      bars in one ranking picture; more units give several pictures
 * @param trendPeriods periods in a trend chart, the asked one included
 * @param digestDay    day of the month the digest goes out
 * @param digestTime   time of day (Vietnam time) the digest goes out
 * @param digestCheck  Quartz cron (Vietnam time) of the check that sends the digests due and not yet sent; every
 *                     five minutes by default, so a digest goes out at most five minutes late (or on the first
 *                     check after every instance was down)
 */
@Validated
@ConfigurationProperties("hoibot.report")
public record ReportProperties(
        @DefaultValue("DejaVu Sans") @NotBlank String font,
        @DefaultValue("1080") @Min(480) @Max(4000) int chartWidth,
        @DefaultValue("15") @Min(3) @Max(40) int maxBars,
        @DefaultValue("6") @Min(2) @Max(24) int trendPeriods,
        @DefaultValue("3") @Min(1) @Max(28) int digestDay,
        @DefaultValue("08:00") @NotNull LocalTime digestTime,
        @DefaultValue("0 0/5 * * * ?") @NotBlank String digestCheck) {
}
