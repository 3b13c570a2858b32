import type { KeyResults } from '../project/snapshot';

/** One figure that moved between two versions. */
export interface ResultMove {
  part: 'allocation' | 'equity' | 'balance' | 'fte';
  /** What moved, for a person: "Allocation 101", "Gini", "Base ending balance 2029", "teacher required FTE". */
  label: string;
  site_id?: string;
  measure?: string;
  scenario?: string;
  year?: number;
  role?: string;
  field?: 'required_fte' | 'actual_fte';
  unit: 'cents' | 'measure' | 'fte';
  /** null when the figure exists on one side only. */
  old: number | null;
  new: number | null;
  delta: number | null;
  /**
   * The size of the move, the order of the list: |new − old| ÷ the scale of its kind of figure — the
   * largest balance (any scenario, any year, either version) for balances, the largest site
   * allocation for allocations, the largest role's FTE for FTE, the measure itself for an equity
   * measure — so balances order among themselves by dollars, and kinds compare by share of their
   * scale. 1 for a figure that appeared or went.
   */
  effect: number;
}

// Floating-point figures (equity measures, FTE) move when they differ by more than rounding noise.
const moved = (a: number, b: number, unit: ResultMove['unit']) => (unit === 'cents' ? a !== b : Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

function move(base: Omit<ResultMove, 'old' | 'new' | 'delta' | 'effect'>, a: number | undefined, b: number | undefined, scale?: number): ResultMove | null {
  if (a === undefined && b === undefined) return null;
  if (a !== undefined && b !== undefined) {
    if (!moved(a, b, base.unit)) return null;
    const delta = b - a;
    return { ...base, old: a, new: b, delta, effect: Math.abs(delta) / Math.max(scale ?? 0, Math.abs(a), Math.abs(b), Number.MIN_VALUE) };
  }
  return { ...base, old: a ?? null, new: b ?? null, delta: null, effect: 1 };
}

function keyed<T>(list: readonly T[] | undefined, key: (t: T) => string): Map<string, T> {
  return new Map((list ?? []).map((t) => [key(t), t]));
}
const union = (a: Map<string, unknown>, b: Map<string, unknown>) => [...new Set([...a.keys(), ...b.keys()])];
const largest = (values: Iterable<number>) => { let m = 0; for (const v of values) m = Math.max(m, Math.abs(v)); return m; };

/**
 * How the key results moved from `a` to `b`: each site's allocation, each equity measure, each
 * scenario's ending balance by year, required and budgeted FTE by role — largest effect first
 * (see ResultMove.effect; ties by the larger change, then by label).
 */
export function diffResults(a: KeyResults, b: KeyResults): ResultMove[] {
  const out: (ResultMove | null)[] = [];
  const sa = keyed(a.allocation?.sites, (s) => s.site_id);
  const sb = keyed(b.allocation?.sites, (s) => s.site_id);
  const siteScale = largest([...sa.values(), ...sb.values()].map((s) => s.allocation_cents));
  for (const site of union(sa, sb)) {
    out.push(move({ part: 'allocation', label: `Allocation ${site}`, site_id: site, unit: 'cents' }, sa.get(site)?.allocation_cents, sb.get(site)?.allocation_cents, siteScale));
  }
  const ea = a.allocation?.equity ?? {};
  const eb = b.allocation?.equity ?? {};
  for (const m of [...new Set([...Object.keys(ea), ...Object.keys(eb)])]) {
    out.push(move({ part: 'equity', label: `Equity ${m}`, measure: m, unit: 'measure' }, ea[m], eb[m]));
  }
  const ca = keyed(a.scenarios ?? [], (s) => s.name);
  const cb = keyed(b.scenarios ?? [], (s) => s.name);
  const balanceScale = largest([...ca.values(), ...cb.values()].flatMap((s) => s.years.map((y) => y.ending_balance_cents)));
  for (const name of union(ca, cb)) {
    const ya = keyed(ca.get(name)?.years, (y) => String(y.year));
    const yb = keyed(cb.get(name)?.years, (y) => String(y.year));
    for (const year of union(ya, yb)) {
      out.push(move({ part: 'balance', label: `${name} ending balance FY${year}`, scenario: name, year: Number(year), unit: 'cents' }, ya.get(year)?.ending_balance_cents, yb.get(year)?.ending_balance_cents, balanceScale));
    }
  }
  const ra = keyed(a.fte_by_role ?? [], (r) => r.role);
  const rb = keyed(b.fte_by_role ?? [], (r) => r.role);
  const fteScale = largest([...ra.values(), ...rb.values()].flatMap((r) => [r.required_fte, r.actual_fte]));
  for (const role of union(ra, rb)) {
    for (const field of ['required_fte', 'actual_fte'] as const) {
      out.push(move({ part: 'fte', label: `${role} ${field === 'required_fte' ? 'required' : 'budgeted'} FTE`, role, field, unit: 'fte' }, ra.get(role)?.[field], rb.get(role)?.[field], fteScale));
    }
  }
  return out.filter((m): m is ResultMove => m !== null).sort((x, y) => y.effect - x.effect || Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || x.label.localeCompare(y.label));
}
