import { formatCents, type Cents } from '../models/money/cents';

// Display formatting in one place: money from integer cents, counts, FTE and fiscal years.
// Formatters are made once: toLocaleString builds an ICU formatter on every call (~40 µs each, 60×
// a cached one), which a screen of figures or a scrolling grid pays thousands of times.
const COMPACT_USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const COUNT = new Intl.NumberFormat('en-US');
const FTE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const FTE_COLUMN = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function money(cents: number): string {
  return formatCents(cents as Cents);
}

/** Whole dollars for cards and axes where cents are noise ("$84,120,456"). Rounded half up. */
export function dollars(cents: number): string {
  return formatCents((Math.round(cents / 100) * 100) as Cents).replace(/\.00$/, '');
}

/** "$84.1M", "$950K" for chart axes. */
export function compactDollars(cents: number): string {
  return COMPACT_USD.format(cents / 100);
}

export function count(n: number): string {
  return COUNT.format(n);
}

export function fte(n: number): string {
  return FTE.format(n);
}

/** FTE in a table column: always two decimals so the column lines up. */
export function fteColumn(n: number): string {
  return FTE_COLUMN.format(n);
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** 2026 → "FY 2025–26" (fiscal years are named by the calendar year they end in). */
export function fiscalYear(year: number): string {
  return `FY ${year - 1}–${String(year % 100).padStart(2, '0')}`;
}

/** "1 row", "2 rows". */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
