/**
 * The unit tree as pure domain: units with their dated parent links, levels from configuration, restructuring
 * (merge, split, move) with history, subtree and ancestor queries on any date, and the units importer.
 *
 * <h2>Public API</h2>
 * {@link vn.hoibot.org.OrgService} (find, subtree, ancestors, isWithin, roots, createUnit, levels),
 * {@link vn.hoibot.org.Restructuring}, {@link vn.hoibot.org.UnitImporter}, {@link vn.hoibot.org.UnitView}; events
 * {@link vn.hoibot.org.UnitsMerged} and {@link vn.hoibot.org.UnitSplit}, published inside the restructuring
 * transaction so every module moves its own rows with it. Depends on {@code time}, {@code text},
 * {@code spreadsheet} and {@code chat} (for {@code UserFacingException} and messages).
 */
package vn.hoibot.org;
