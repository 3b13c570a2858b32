import type { FilledDown, ImportReport } from './types';

// The sentences the CLI (`steward import`) and the app's import panel both print about fill-down,
// unclassified rows and whether the totals tie, so the two always say the same thing.

const VIA: Record<FilledDown['via'], string> = {
  subtotals: 'keys shown once per group, closed by subtotal rows',
  runs: 'keys shown once per group of rows',
  merged: 'merged cells',
};

/** [[7, 21], [23, 23]] → "7–21, 23"; past `limit` runs, "… and N more". */
export function rowRangesText(rows: readonly (readonly [number, number])[], limit = 6): string {
  const shown = rows.slice(0, limit).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
  return rows.length > limit ? `${shown.join(', ')} … and ${rows.length - limit} more` : shown.join(', ');
}

/** "Location (site_id), sheet Detail: 2,306 blanks filled from the row above on rows 7–21, … (keys shown once per group, closed by subtotal rows)". */
export function filledDownText(f: FilledDown, withSheet: boolean): string {
  const n = f.count.toLocaleString('en-US');
  return `${f.column || f.field} (${f.field})${withSheet ? `, sheet ${f.sheet}` : ''}: ${n} blank${f.count === 1 ? '' : 's'} filled from the key above on row${f.count === 1 ? '' : 's'} ${rowRangesText(f.rows)} (${VIA[f.via]})`;
}

/** One line on whether the imported total equals the file's, or null when the file has no amount column. */
export function tiesText(r: Pick<ImportReport, 'totals'>, money: (cents: number) => string): string | null {
  const { amountCents, fileAmountCents, ties } = r.totals;
  if (fileAmountCents === null || ties === null) return null;
  if (ties) return `ties to the file: every valid amount on its data rows is imported (${money(fileAmountCents)})`;
  return `does not tie to the file: its data rows total ${money(fileAmountCents)}, ${money(fileAmountCents - amountCents)} of it in rejected rows`;
}

/** "146 rows with a blank object kept as "unclassified"", or null when there are none. */
export function unclassifiedText(r: Pick<ImportReport, 'unclassified' | 'rowWarnings'>): string | null {
  if (r.unclassified === 0) return null;
  const fields = [...new Set(r.rowWarnings.map((w) => /^blank (\S+):/.exec(w.reason)?.[1]).filter((x) => x !== undefined))];
  return `${r.unclassified.toLocaleString('en-US')} row${r.unclassified === 1 ? '' : 's'} with a blank ${fields.join('/') || 'classification'} kept as "unclassified"`;
}
