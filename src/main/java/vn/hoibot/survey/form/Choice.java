package vn.hoibot.survey.form;

/** One row of the choices sheet. */
public record Choice(String listName, String name, Text label, SourceLocation where) {
}
