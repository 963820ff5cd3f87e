package vn.hoibot.survey;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.UserFacingException;
import vn.hoibot.survey.form.AnswerCheck;
import vn.hoibot.time.VietnameseDates;

/** Date answers are read by the shared Vietnamese date parser ({@code 15/3/2027}, {@code ngày mai}...). */
@Component
class SurveyDates implements AnswerCheck.DateReader {

    @Override
    public Optional<LocalDate> read(String text, LocalDate today) {
        try {
            return Optional.ofNullable(VietnameseDates.parse(text, today).date());
        } catch (UserFacingException e) {
            return Optional.empty();
        }
    }
}
