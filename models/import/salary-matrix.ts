import type { Cell } from './types';
import type { Spread } from './spread';
import { fastCents } from './text-numbers';
import { dollarsToCents, isCentsInRange, parseAmount } from '../money/cents';

// A salary schedule as contracts print it: steps down, lanes across ("Step | BA | BA+15 | MA …").
// Each non-blank cell becomes one SalarySchedule row (schedule, lane, step, salary). A blank or null
// cell is a lane that does not exist at that step, not an error. Step labels as contracts write
// them: "1", "(12)", "10+" (that step), "1-3" and "1 & 2" (each step of the range gets the
// salary), "A".."Z" (letter position), "Professional Teacher 3" (its number).

/** The steps a step label stands for, or null. */
export function parseStepLabel(raw: Cell): number[] | null {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 99 ? [raw] : null;
  if (typeof raw !== 'string') return null;
  const t = raw.trim();
  if (t === '') return null;
  let m = /^\(?\s*(\d{1,3})\s*\+?\s*\)?$/.exec(t);
  if (m) return [Number(m[1])];
  m = /^(\d{1,3})\s*(?:-|–|&|and|to|thru|through)\s*(\d{1,3})$/i.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a || b - a > 50) return null;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  if (/^[A-Za-z]$/.test(t)) return [t.toUpperCase().charCodeAt(0) - 64];
  const nums = t.match(/\d{1,3}/g);
  if (nums && nums.length === 1) return [Number(nums[0])];
  return null;
}

function cents(raw: Cell): number | null | undefined {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? dollarsToCents(raw) : undefined;
  if (typeof raw === 'boolean') return undefined;
  const t = raw.trim();
  if (t === '' || /^null$/i.test(t) || /^n\/?a$/i.test(t)) return null;
  const f = fastCents(t);
  if (f !== undefined) return f;
  const r = parseAmount(t);
  return r.ok ? r.value : undefined;
}

/** True when a column's sample values are mostly salary-like numbers. */
export function looksLikeSalaryColumn(values: readonly Cell[]): boolean {
  let n = 0;
  let hit = 0;
  for (const v of values) {
    const c = cents(v);
    if (c === null) continue; // blank or "null": a lane that does not exist at that step
    n++;
    if (typeof c === 'number' && c >= 100_000) hit++; // at least $1,000
  }
  return n > 0 && hit / n >= 0.6;
}

export function salaryMatrixSpread(headers: readonly string[], stepCol: number, laneCols: readonly number[]): Spread {
  return {
    columns: [stepCol, ...laneCols],
    supplies: ['step', 'lane', 'salary'],
    replaces: ['step', 'lane', 'salary'],
    emptyReason: 'no salaries in the lane columns',
    note: `read as a salary matrix: steps in "${headers[stepCol]!.trim() || 'column 1'}", lanes ${laneCols.map((c) => headers[c]!.trim()).join(', ')}`,
    apply(row, base, bad) {
      const stepRaw = row[stepCol] ?? null;
      const steps = parseStepLabel(stepRaw);
      if (steps === null) {
        bad(stepCol, stepRaw, 'not a step (a number, "10+", "1-3" or a letter)');
        return null;
      }
      const out: Record<string, unknown>[] = [];
      let ok = true;
      for (const c of laneCols) {
        const raw = row[c] ?? null;
        const v = cents(raw);
        if (v === null) continue;
        if (v === undefined || v < 0 || !isCentsInRange(v)) {
          // A cell of 1e20 or 1.797e308 was once a salary of 1e22 cents, or Infinity (issue 16 item 4).
          bad(c, raw, v !== undefined && v >= 0 ? 'salary out of range (Steward reads amounts under $10 trillion)' : 'not a salary');
          ok = false;
          continue;
        }
        for (const step of steps) out.push({ ...base, lane: headers[c]!.trim(), step, salary: v });
      }
      return ok ? out : null;
    },
  };
}
