import { describe, expect, it } from 'vitest';
import { demoProject } from '../../models/demo/district';
import { compareScenarios, caseloadMetrics, DEFAULT_COMPARE_METRICS } from '../../models/forecast/compare';
import { planAreas } from '../../models/forecast/areas';
import { forecastProject } from '../../models/forecast/forecast';
import { runMonteCarlo, closeMonteCarloWorkers } from '../../host/monte-carlo-pool';
import { createAppStore } from '../../renderer/store/create-store';
import { createEngine } from '../../renderer/engine/handlers';
import { fakeServices, settle } from './fake-services';

// The Scenarios and Compare screens' engine ops (renderer/engine/ops/forecast.ts) give the CLI's
// figures: forecast, compare (with another baseline first), and Monte Carlo split into shares.

describe('forecast engine ops', () => {
  const project = demoProject();
  const engine = createEngine();
  engine.sync({ version: 1, project });

  it('forecast and compare are `steward forecast --all` and `steward compare` for the same project', () => {
    const cli = forecastProject(project, { scenarios: 'all', lean: true, staffing: true });
    if (!cli.ok) throw new Error(cli.reason);
    const cmp = engine.compare({ version: 1 });
    expect(cmp.comparison).toEqual(compareScenarios(cli.value.scenarios, [...DEFAULT_COMPARE_METRICS, ...caseloadMetrics(cli.value.scenarios)]));
    const other = engine.compare({ version: 1, baseline: 'Enrollment decline' });
    expect(other.comparison.reference).toBe('Enrollment decline');
    const row = other.comparison.rows.find((r) => r.metric === 'ending_balance_cents' && r.year === 2030)!;
    expect(row.diff_from_reference.Base).toBe(row.values.Base! - row.values['Enrollment decline']!);
    const base = engine.forecast({ version: 1, scenarios: ['Base'] });
    const want = forecastProject(project, { scenarios: ['Base'] });
    expect(base).toEqual(want.ok && want.value);
    // The plan areas are compare --json's: the full forecast's years in the four areas.
    const full = forecastProject(project, { scenarios: 'all', staffing: true });
    if (!full.ok) throw new Error(full.reason);
    expect(cmp.areas).toEqual(planAreas(full.value.scenarios));
  });

  it('a what-if value holds every projected year', () => {
    const r = engine.forecast({ version: 1, scenarios: ['Base'], whatIf: { enrollment_growth: -0.03 } });
    // (A slider move skips the split by program and function: the plain run is asked the same.)
    const plain = engine.forecast({ version: 1, scenarios: ['Base'], programs: false });
    expect(r.scenarios[0]!.years[0]!.expenditure_by_program).toBeUndefined();
    expect(r.scenarios[0]!.years[0]).toEqual(plain.scenarios[0]!.years[0]);
    expect(r.scenarios[0]!.years.at(-1)!.enrollment).toBeLessThan(plain.scenarios[0]!.years.at(-1)!.enrollment);
  });

  it('Monte Carlo in two worker shares gives the CLI pool\'s bands for the same seed', async () => {
    const f = fakeServices();
    const store = createAppStore(f.services);
    await store.getState().openDemo();
    await settle();
    store.getState().startMonteCarlo({ scenario: 'Base', trials: 300, seed: 7 });
    for (let i = 0; i < 100 && store.getState().monteCarlo?.status === 'running'; i++) await settle();
    const mc = store.getState().monteCarlo!;
    expect(mc.status).toBe('done');
    const cli = await runMonteCarlo({ project: store.getState().project!, scenario: 'Base', trials: 300, seed: 7, workers: 0 });
    await closeMonteCarloWorkers();
    if (!cli.ok) throw new Error(cli.reason);
    expect(mc.result).toEqual(cli.value);
  });
});
