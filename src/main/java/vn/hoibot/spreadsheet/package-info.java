/**
 * Spreadsheets in and out, for every import and export. Depends on {@code text} (header folding) and on
 * {@code chat} only for {@link vn.hoibot.chat.UserFacingException}, whose message keys are {@code spreadsheet.*}.
 *
 * <h2>Public API</h2>
 * <ul>
 * <li>{@link vn.hoibot.spreadsheet.SpreadsheetReader}: reads a CSV (UTF-8 with or without BOM, comma or
 * semicolon) or an XLSX (streamed with POI's SAX reader, every sheet by name) into
 * {@link vn.hoibot.spreadsheet.Workbook} / {@link vn.hoibot.spreadsheet.Table} / {@link vn.hoibot.spreadsheet.Row}
 * values, within {@link vn.hoibot.spreadsheet.SpreadsheetLimits} (file size, uncompressed size, rows); POI's
 * zip-bomb guard stays on. Bad files end in a {@code UserFacingException}, never in a half-read table.</li>
 * <li>{@link vn.hoibot.spreadsheet.SpreadsheetWriter}: the one writer for CSV and XLSX exports (SXSSF, streaming):
 * quoting, and cells that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) neutralised.</li>
 * <li>The import outcome every importer reports in: {@link vn.hoibot.spreadsheet.ImportReport},
 * {@link vn.hoibot.spreadsheet.RowError}, {@link vn.hoibot.spreadsheet.ImportOptions},
 * {@link vn.hoibot.spreadsheet.ImportReports}.</li>
 * </ul>
 */
package vn.hoibot.spreadsheet;
