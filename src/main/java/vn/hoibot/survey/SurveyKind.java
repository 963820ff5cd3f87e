package vn.hoibot.survey;

/** What a survey is for; the indicator engine counts finished responses by kind ({@code biết hoàn cảnh}, {@code biết nhu cầu}). */
public enum SurveyKind {
    /** Member needs (jobs, loans, health, family, legal aid, gender equality, digital skills...): I2 C6. */
    NEEDS,
    /** Household circumstances (sensitive data): I2 C5. */
    CIRCUMSTANCES,
    /** Feedback after an activity. */
    FEEDBACK,
    OTHER
}
