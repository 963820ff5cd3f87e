package vn.hoibot.indicator;

/** A branch with no held activity in a period (C2's reading: an activity of a group fills its branch). */
public record IdleBranch(long id, String code, String name, Long communeId) {
}
