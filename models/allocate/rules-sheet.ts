import { parseAmount } from '../money/cents';
import { fail, ok, type Parsed } from '../result';
import { RuleSetSchema, type RuleSet, type RuleSetInput } from './config';
import type { AllocationRuleRow } from './tables';

const LEVELS = new Set(['ES', 'MS', 'HS', 'K8', '6-12', 'Other', 'Central']);

/** Rule sets from AllocationRules sheet rows; errors name the sheet row. */
export function rulesFromRows(rows: readonly AllocationRuleRow[]): Parsed<RuleSet[]> {
  const sets = new Map<string, RuleSetInput & { foundation_cents: Record<string, number>; grade_weights: Record<string, number>; need_weights: Record<string, number>; custom_terms: { name: string; expression: string }[] }>();
  for (const r of rows) {
    const at = r.src ? `${r.src.sheet} row ${r.src.row}` : `rules "${r.rules}"`;
    const set = sets.get(r.rules) ?? { name: r.rules, foundation_cents: {}, grade_weights: {}, need_weights: {}, custom_terms: [] };
    sets.set(r.rules, set);
    const num = (): Parsed<number> => {
      const t = r.value.trim();
      const pct = t.endsWith('%');
      const n = Number((pct ? t.slice(0, -1) : t).replace(/,/g, ''));
      return Number.isFinite(n) ? ok(pct ? n / 100 : n) : fail(`${at}: ${r.setting} needs a number, not "${r.value}"`);
    };
    const money = (): Parsed<number> => {
      const m = parseAmount(r.value);
      return m.ok && m.value !== null ? ok(m.value) : fail(`${at}: ${r.setting} needs an amount in dollars, not "${r.value}"`);
    };
    const key = (what: string, check?: (k: string) => boolean): Parsed<string> => {
      const k = (r.key ?? '').trim();
      if (k === '' || (check && !check(k))) return fail(`${at}: ${r.setting} needs a ${what} in the key column${k ? `, not "${k}"` : ''}`);
      return ok(k);
    };
    let res: Parsed<unknown> = ok(null);
    switch (r.setting) {
      case 'base_mode': {
        const v = r.value.trim().toLowerCase();
        if (v !== 'solve' && v !== 'fixed') res = fail(`${at}: base_mode is "solve" or "fixed", not "${r.value}"`);
        else set.base_mode = v;
        break;
      }
      case 'base_per_pupil': res = money(); if (res.ok) set.base_per_pupil_cents = res.value as number; break;
      case 'pool': res = money(); if (res.ok) set.pool_cents = res.value as number; break;
      case 'hold_harmless_max_loss': res = num(); if (res.ok) set.hold_harmless_max_loss = res.value as number; break;
      case 'source': set.source = r.value; break;
      case 'foundation': {
        const k = key('level (ES, MS, HS, K8, 6-12, Other)', (x) => LEVELS.has(x));
        const m = money();
        res = !k.ok ? k : m;
        if (k.ok && m.ok) set.foundation_cents[k.value] = m.value;
        break;
      }
      case 'grade_weight':
      case 'need_weight': {
        const k = key(r.setting === 'grade_weight' ? 'grade (PK, K, 1–12)' : 'need category');
        const n = num();
        res = !k.ok ? k : n;
        if (k.ok && n.ok) (r.setting === 'grade_weight' ? set.grade_weights : set.need_weights)[k.value.toUpperCase() === 'PK' || k.value.toUpperCase() === 'K' ? k.value.toUpperCase() : k.value] = n.value;
        break;
      }
      case 'custom_term': {
        const k = key('term name');
        res = k;
        if (k.ok) set.custom_terms.push({ name: k.value, expression: r.value });
        break;
      }
      case 'small_school_per_student':
      case 'small_school_threshold':
      case 'small_school_cap_share':
      case 'small_school_cap': {
        const ss = (set.small_school ??= { per_student_cents: 0, threshold_by_level: {} });
        if (r.setting === 'small_school_per_student') { res = money(); if (res.ok) ss.per_student_cents = res.value as number; }
        else if (r.setting === 'small_school_cap') { res = money(); if (res.ok) ss.cap_cents = res.value as number; }
        else if (r.setting === 'small_school_cap_share') { res = num(); if (res.ok) ss.cap_share_of_base = res.value as number; }
        else {
          const k = key('level (ES, MS, HS, K8, 6-12, Other)', (x) => LEVELS.has(x));
          const n = num();
          res = !k.ok ? k : n;
          if (k.ok && n.ok) (ss.threshold_by_level as Record<string, number>)[k.value] = n.value;
        }
        break;
      }
    }
    if (!res.ok) return res as Parsed<never>;
  }
  const out: RuleSet[] = [];
  for (const s of sets.values()) {
    const p = RuleSetSchema.safeParse(s);
    if (!p.success) return fail(`AllocationRules "${s.name}": ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out.push(p.data);
  }
  return ok(out);
}
