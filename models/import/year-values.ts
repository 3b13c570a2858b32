import { parseFiscalYear, parseRate } from '../parse/values';
import type { Spread } from './spread';
import { isPlaceholder } from './convert';

/** A header naming a fiscal year ("2027", "FY28", "2027-28"), or null. */
export function headerYear(header: string): number | null {
  const t = header.trim();
  if (t === '' || t.length > 12) return null;
  const r = parseFiscalYear(t);
  return r.ok ? r.value : null;
}

/** Drivers: per-year values in columns named by year → by_year { "2027": 0.03, … }. */
export function yearValuesSpread(headers: readonly string[], unmapped: readonly number[]): Spread | null {
  const cols = unmapped.map((c) => ({ c, year: headerYear(headers[c] ?? '') })).filter((x): x is { c: number; year: number } => x.year !== null);
  if (cols.length === 0) return null;
  return {
    columns: cols.map((x) => x.c),
    supplies: ['by_year'],
    apply(row, base, bad) {
      const byYear: Record<string, number> = Object.create(null) as Record<string, number>;
      let ok = true;
      for (const { c, year } of cols) {
        const raw = row[c] ?? null;
        if (typeof raw === 'string' && isPlaceholder(raw)) continue;
        const r = parseRate(raw);
        if (!r.ok) {
          bad(c, raw, r.reason);
          ok = false;
        } else if (r.value !== null) byYear[String(year)] = r.value;
      }
      if (!ok) return null;
      base.by_year = byYear;
      return [base];
    },
  };
}
