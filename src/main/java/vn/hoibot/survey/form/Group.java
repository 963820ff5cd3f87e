package vn.hoibot.survey.form;

/** A begin_group … end_group block: its heading is shown with the questions inside; its relevant applies to them. */
public record Group(String name, Text label, Expression relevant, SourceLocation where) {
}
