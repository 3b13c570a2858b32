import { describe, expect, it, vi } from 'vitest';
import { captureCliOutput } from '../cli/capture-output';
import { demoProject } from '../../models/demo/district';
import { ProjectSchema } from '../../models/project/project';
import { createEngine } from '../../renderer/engine/handlers';

// The Staffing screen's engine ops give what `steward staffing|schedule|timestudy --json` print for
// the same project (less `project` and the file's own warnings), and follow an edited rule.

vi.mock('../../host/project-io', async () => {
  const demo = (await import('../../models/demo/district')).demoProject();
  return { loadProject: async () => ({ project: demo, reports: [], source: 'steward', missing: [], problems: [] }) };
});

const output = captureCliOutput();

async function cli(command: 'staffing' | 'schedule' | 'timestudy', args: string[]): Promise<Record<string, unknown>> {
  const { run } = await import(`../../cli/commands/${command}.ts`);
  expect(await run(['demo', '--json', ...args])).toBe(0);
  const { project: _p, warnings: _w, ...body } = JSON.parse(output.text) as Record<string, unknown>;
  return body;
}
const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('staffing engine ops', () => {
  const engine = createEngine();
  engine.sync({ version: 1, project: demoProject() });

  it('staffing equals steward staffing --json', async () => {
    const view = engine.staffing({ version: 1 });
    const { warnings: _w, ...report } = view.report;
    expect(plain(report)).toEqual(await cli('staffing', []));
    expect(view.ownRules).toBe(true);
    expect(view.rules[view.report.sites[0]!.rules[0]!.rule]!.role).toBe('teacher');
    // Every position's fund shares add up to its cost.
    for (const p of view.positions) if (p.cost_cents !== null) expect(p.funding.reduce((a, f) => a + f.cents, 0)).toBe(p.cost_cents);
  });

  it('schedule for site 301 equals steward schedule --site 301 --json, with the eight-period day priced', async () => {
    const view = engine.schedule({ version: 1, site: '301' });
    expect(plain(view.report)).toEqual(await cli('schedule', ['--site', '301']));
    const eight = view.report.sites[0]!.changes.find((c) => c.change.kind === 'periods')!;
    expect(eight.change).toEqual({ kind: 'periods', periods_per_day: 8 });
    expect(eight.delta_cost_cents_schedule).toBeGreaterThan(0);
    // 1,244 students × 7 requests = 8,708 seats in 249 sections: 242 of 35 and 7 of 34.
    const sizes = view.classSizes[0]!.sizes;
    expect(sizes.reduce((a, s) => a + s.size * s.sections, 0)).toBe(view.report.sites[0]!.metrics.students * 7);
    expect(sizes.reduce((a, s) => a + s.sections, 0)).toBe(view.report.sites[0]!.metrics.sections);
  });

  it('timestudy equals steward timestudy --json', async () => {
    expect(plain(engine.timestudy({ version: 1 }))).toEqual(await cli('timestudy', []));
  });

  it('follows an edited ratio rule: the counselor rule at 1 per 250 requires more counselors and costs more', () => {
    const before = engine.staffing({ version: 1 });
    const index = before.rules.findIndex((r) => r.role === 'counselor');
    engine.sync({ version: 2, base: 1, edits: [{ op: 'set-row', table: 'staffingRules', index, row: { ...before.rules[index]!, ratio: 250 } }] });
    const after = engine.staffing({ version: 2 });
    const role = (v: typeof before) => v.report.by_role.find((r) => r.role === 'counselor')!;
    expect(role(after).required_fte).toBeGreaterThan(role(before).required_fte);
    expect(role(after).gap_cost_cents_schedule).toBeGreaterThan(role(before).gap_cost_cents_schedule);
  });

  it('gives each scenario its staff by year', () => {
    const s = engine['staffing-scenarios']({ version: 1 });
    const asca = s.scenarios.find((x) => x.name === 'ASCA counselors')!;
    expect(asca.years.length).toBeGreaterThan(1);
    expect(asca.years.some((y) => y.positions_added_fte > 0 || y.staffing_change_fte > 0)).toBe(true);
  });

  it('a project with no staffing sheets: the preset\'s rules (copied in whole by the first edit), the level-default schedules', () => {
    const small = ProjectSchema.parse({
      settings: { base_year: 2026, district_name: 'Small' },
      sites: [{ site_id: 'H1', name: 'High', level: 'HS' }],
      enrollment: ['9', '10', '11', '12'].map((grade) => ({ site_id: 'H1', year: 2026, grade, students: 250 })),
      studentNeeds: [], budget: [], salary: [], scenarios: [],
      funds: [{ fund_code: 'GEN', name: 'General', source: 'local', restricted: false, available: 0 }],
      positions: [{ position_id: 'C1', site_id: 'H1', role: 'counselor', fte: 1, salary: 7_000_000, benefits_rate: 0.25, funding: [{ fund_code: 'GEN', share: 0.6 }, { fund_code: 'T1', share: 0.4 }] }],
    });
    const e = createEngine();
    e.sync({ version: 1, project: small });
    const view = e.staffing({ version: 1 });
    expect(view.ownRules).toBe(false);
    expect(view.report.defaulted_sheets).toContain('staffingRules');
    // 0.6 / 0.4 of $87,500 loaded.
    expect(view.positions[0]!.funding.map((f) => f.cents)).toEqual([5_250_000, 3_500_000]);
    expect(e.schedule({ version: 1, site: 'H1' }).report.sites[0]!.metrics.sections).toBeGreaterThan(0);
    const rules = view.rules.map((r) => (r.role === 'counselor' ? { ...r, ratio: 100 } : r));
    e.sync({ version: 2, base: 1, edits: [{ op: 'replace-table', table: 'staffingRules', rows: rules }] });
    const after = e.staffing({ version: 2 });
    expect(after.ownRules).toBe(true);
    expect(after.report.sites.find((r) => r.role === 'counselor')!.required_fte).toBe(10);
  });
});
