import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoProject } from '../../../models/demo/district';
import { applyEdit, type Edit } from '../../../models/project/edit';
import type { Project } from '../../../models/project/project';
import { withRowSources } from '../../../models/project/row-sources';
import { summariseProject } from '../../../models/project/summary';
import { createIncrementalSummariser } from '../../../models/project/summary-incremental';
import { validateProject } from '../../../models/project/validate';
import { createIncrementalValidator } from '../../../models/project/validate-incremental';

// Invariant: after any sequence of edits (and jumps back to earlier versions, as undo makes), the
// incremental checks give exactly validateProject's problems, in the same order, and exactly
// summariseProject's figures — while running only the checks whose tables changed.

const start = withRowSources(demoProject());

type Step =
  | { kind: 'site'; table: 'enrollment' | 'budget' | 'needs' | 'positions' | 'actuals' | 'studentNeeds'; i: number; site: string | null }
  | { kind: 'fund'; table: 'budget' | 'actuals'; i: number; fund: string }
  | { kind: 'students'; i: number; n: number }
  | { kind: 'amount'; i: number; cents: number }
  | { kind: 'delete'; table: 'sites' | 'funds' | 'budget' | 'enrollment' | 'needs'; i: number }
  | { kind: 'copy'; table: 'sites' | 'funds' | 'positions' | 'enrollment'; i: number }
  | { kind: 'baseYear'; year: number }
  | { kind: 'back'; i: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('site' as const), table: fc.constantFrom('enrollment', 'budget', 'needs', 'positions', 'actuals', 'studentNeeds'), i: fc.nat(), site: fc.constantFrom('101', '302', '999', null) }),
  fc.record({ kind: fc.constant('fund' as const), table: fc.constantFrom('budget', 'actuals'), i: fc.nat(), fund: fc.constantFrom('GEN', 'T1A', 'NOPE') }),
  fc.record({ kind: fc.constant('students' as const), i: fc.nat(), n: fc.nat(5000) }),
  fc.record({ kind: fc.constant('amount' as const), i: fc.nat(), cents: fc.integer({ min: -1_000_000, max: 100_000_000 }) }),
  fc.record({ kind: fc.constant('delete' as const), table: fc.constantFrom('sites', 'funds', 'budget', 'enrollment', 'needs'), i: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), table: fc.constantFrom('sites', 'funds', 'positions', 'enrollment'), i: fc.nat() }),
  fc.record({ kind: fc.constant('baseYear' as const), year: fc.constantFrom(2025, 2026, 2030) }),
  fc.record({ kind: fc.constant('back' as const), i: fc.nat() }),
);

function editFor(p: Project, s: Exclude<Step, { kind: 'back' }>): Edit {
  const rows = (t: string) => (p as unknown as Record<string, Record<string, unknown>[]>)[t]!;
  switch (s.kind) {
    case 'site': {
      const r = rows(s.table);
      const i = s.i % r.length;
      const row: Record<string, unknown> = { ...r[i]! };
      if (s.site === null) delete row.site_id;
      else row.site_id = s.site;
      return { op: 'set-row', table: s.table, index: i, row };
    }
    case 'fund': {
      const r = rows(s.table);
      const i = s.i % r.length;
      return { op: 'set-row', table: s.table, index: i, row: { ...r[i]!, fund_code: s.fund } };
    }
    case 'students': {
      const i = s.i % p.enrollment.length;
      return { op: 'set-row', table: 'enrollment', index: i, row: { ...p.enrollment[i]!, students: s.n } };
    }
    case 'amount': {
      const i = s.i % p.budget.length;
      return { op: 'set-row', table: 'budget', index: i, row: { ...p.budget[i]!, amount: s.cents } };
    }
    case 'delete':
      return { op: 'delete-rows', table: s.table, indexes: rows(s.table).length === 0 ? [] : [s.i % rows(s.table).length] };
    case 'copy': {
      const r = rows(s.table);
      return { op: 'insert-rows', table: s.table, index: r.length, rows: r.length === 0 ? [] : [r[s.i % r.length]!] };
    }
    case 'baseYear':
      return { op: 'set-settings', settings: { ...p.settings, base_year: s.year } };
  }
}

describe('incremental checks', () => {
  it('give exactly validateProject\'s problems and summariseProject\'s figures after any edits and undos', () => {
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 10 }), (steps) => {
      const validator = createIncrementalValidator();
      const summariser = createIncrementalSummariser();
      const history: Project[] = [start];
      let p = start;
      expect(validator.validate(p)).toEqual(validateProject(p));
      for (const s of steps) {
        if (s.kind === 'back') p = history[s.i % history.length]!;
        else {
          const next = applyEdit(p, editFor(p, s));
          if (!next.ok) continue;
          p = next.value;
          history.push(p);
        }
        expect(validator.validate(p)).toEqual(validateProject(p));
        expect(summariser.summarise(p)).toEqual(summariseProject(p));
      }
    }), { numRuns: 40 });
  });

  it('runs only the checks that read the edited table', () => {
    const validator = createIncrementalValidator();
    validator.validate(start);
    const all = validator.runs;
    const next = applyEdit(start, { op: 'set-row', table: 'enrollment', index: 0, row: { ...start.enrollment[0]!, students: 1 } });
    if (!next.ok) throw new Error(next.reason);
    validator.validate(next.value);
    // Enrollment is read by its duplicate check, its site check, the base-year check, the need-count
    // check, and the rules (which run after every change): 5 of the 21 checks.
    expect(validator.runs - all).toBe(5);
    validator.validate(start); // undo: every check's result for the old tables is still kept
    expect(validator.runs - all).toBe(5);
  });
});
