package vn.hoibot.survey;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import vn.hoibot.spreadsheet.SpreadsheetLimits;

/**
 * Settings of the survey module ({@code hoibot.survey.*}).
 *
 * @param definitionsDir  folder of survey definitions ({@code *.yml}, XLSForm {@code *.xlsx}) read at start-up
 * @param maxUploadBytes  largest definition or paper-results workbook accepted
 * @param maxRows         most rows an uploaded workbook may have (all sheets together)
 * @param maxUncompressedBytes most bytes an uploaded workbook may unpack to (zip bombs)
 * @param textLimit       longest typed answer, in characters
 * @param reminderOffsets how long before the close date reminders go out to those who have not finished
 * @param maxReminders    most reminders one member gets for one run
 * @param quietFrom       start of the quiet hours (Vietnam time): no reminder goes out from then…
 * @param quietUntil      …until then; one due inside is shifted here
 * @param smallCell       provincial cadres see no aggregate cell of fewer members than this
 */
@Validated
@ConfigurationProperties("hoibot.survey")
public record SurveyProperties(
        @DefaultValue("config/surveys") @NotBlank String definitionsDir,
        @DefaultValue("2097152") @Min(1024) long maxUploadBytes,
        @DefaultValue("2000") @Min(10) int maxRows,
        @DefaultValue("67108864") @Min(1024) long maxUncompressedBytes,
        @DefaultValue("4000") @Min(1) @Max(4000) int textLimit,
        @DefaultValue({ "3d", "1d" }) @NotNull List<Duration> reminderOffsets,
        @DefaultValue("2") @Min(0) int maxReminders,
        @DefaultValue("21:00") @NotNull LocalTime quietFrom,
        @DefaultValue("07:00") @NotNull LocalTime quietUntil,
        @DefaultValue("5") @Min(1) int smallCell) {

    /** The limits an uploaded workbook is read within (definitions, paper results). */
    public SpreadsheetLimits spreadsheetLimits() {
        return new SpreadsheetLimits(maxUploadBytes, maxUncompressedBytes, maxRows);
    }
}
