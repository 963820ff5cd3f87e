/**
 * Shared ground for files: CSV and XLSX in ({@link vn.hoibot.spreadsheet.TableReader}) and the import outcome every
 * importer reports in ({@link vn.hoibot.spreadsheet.ImportReport}, {@link vn.hoibot.spreadsheet.RowError},
 * {@link vn.hoibot.spreadsheet.ImportOptions}, {@link vn.hoibot.spreadsheet.ImportReports}). Depends on {@code text}
 * and on {@code chat} only for {@code UserFacingException}.
 */
package vn.hoibot.spreadsheet;
