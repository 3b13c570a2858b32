/**
 * What one file may hold, whichever reader reads it. Excel's own limits bound a sheet; anything
 * past them comes from a damaged or crafted file, never from an export.
 */

/** Rows of a sheet: Excel's 1,048,576. */
export const MAX_ROWS = 1_048_576;

/** Columns of a sheet: Excel's 16,384 (A to XFD). */
export const MAX_COLS = 16_384;

/**
 * Cells (padding included) one workbook may produce: 20M, e.g. 1M rows × 20 columns — far
 * beyond a budget export, and a few hundred MB of grid at worst.
 */
export const MAX_CELLS = 20_000_000;

/** Merged ranges kept per sheet: a report layout has dozens; more is a crafted file. */
export const MAX_MERGES = 65_536;
