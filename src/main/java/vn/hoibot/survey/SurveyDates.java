package vn.hoibot.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.survey.form.AnswerCheck;

/** Reads date answers (day/month/year); to be replaced by the time module's Vietnamese date parser. */
@Component
class SurveyDates implements AnswerCheck.DateReader {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    @Override
    public Optional<LocalDate> read(String text, LocalDate today) {
        try {
            return Optional.of(LocalDate.parse(text.strip().replace('-', '/').replace('.', '/'), DMY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
