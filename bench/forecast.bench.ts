import { contentHash } from '../host/content-hash';
import { closeMonteCarloWorkers, runMonteCarlo } from '../host/monte-carlo-pool';
import { demoProject } from '../models/demo/district';
import { scenarioPaths, type DriverPaths } from '../models/forecast/drivers';
import { makeWorkspace, runScenario } from '../models/forecast/engine';
import { forecastProject, scenarioNames } from '../models/forecast/forecast';
import { prepareForecast, type Prepared } from '../models/forecast/prepare';
import { staffingCosterFor } from '../models/forecast/staffing-link';
import type { Project } from '../models/project/project';
import { bench, timeIt, type Figure } from './harness';

// Forecast speed: a scenario must recompute on every slider move, and Monte Carlo must finish
// while the user waits. Timings include preparing the project (done once per project).

/** 20 driver sets: the project's scenarios, then variations of COLA and CPI around Base. */
function twentyScenarios(p: Prepared): DriverPaths[] {
  const out: DriverPaths[] = [];
  for (const name of scenarioNames(p)) {
    const s = scenarioPaths(name, p.scenarios, p.drivers.paths, p.baseYear, p.years);
    if (s.ok) out.push(s.value.paths);
  }
  for (let i = 0; out.length < 20; i++) {
    const paths: DriverPaths = Object.create(null) as DriverPaths;
    for (const k of Object.keys(p.drivers.paths)) paths[k] = p.drivers.paths[k]!;
    paths.cola = new Float64Array(p.K).fill(0.01 + 0.002 * i);
    paths.cpi = new Float64Array(p.K).fill(0.02 + 0.001 * i);
    out.push(paths);
  }
  return out;
}

function forecastTwenty(project: Project): void {
  const prep = prepareForecast(project, { years: 10 });
  if (!prep.ok) throw new Error(prep.reason);
  const ws = makeWorkspace(prep.value);
  // The demo's staffing scenarios (classes two smaller, …) are costed through the staffing engine.
  const staffing = staffingCosterFor(project, prep.value);
  for (const paths of twentyScenarios(prep.value)) runScenario(prep.value, paths, { workspace: ws, staffing });
}

/** The demo district grown to 20,000 positions and 100,000 budget lines. */
function bigProject(demo: Project): Project {
  const positions = Array.from({ length: 20_000 }, (_, i) => ({ ...demo.positions[i % demo.positions.length]!, position_id: `B${i}` }));
  const budget = Array.from({ length: 100_000 }, (_, i) => ({ ...demo.budget[i % demo.budget.length]!, description: `line ${i}` }));
  return { ...demo, positions, budget };
}

bench('forecast', async () => {
  const demo = demoProject();
  const big = bigProject(demo);
  const figures: Figure[] = [];
  figures.push({ name: 'forecast demo district, 10 years × 20 scenarios', value: await timeIt(() => forecastTwenty(demo), 5, 1), unit: 'ms', target: { max: 300 } });
  figures.push({ name: 'forecast 20,000 positions + 100,000 lines, 10 years × 20 scenarios', value: await timeIt(() => forecastTwenty(big), 3, 1), unit: 'ms', target: { max: 3000 } });
  // What `steward compare` computes: every scenario with its staffing and schedule metrics per year.
  const compareAll = () => { const r = forecastProject(demo, { years: 10, scenarios: 'all', lean: true, staffing: true }); if (!r.ok) throw new Error(r.reason); };
  figures.push({ name: 'compare: demo, every scenario × 10 years with staffing metrics', value: await timeIt(compareAll, 5, 1), unit: 'ms' });

  const mc = (workers: number, project = demo) => async () => {
    const r = await runMonteCarlo({ project, trials: 10_000, seed: 1, years: 10, workers });
    if (!r.ok) throw new Error(r.reason);
  };
  // Warm workers are keyed by the project's content: the pool hashes it once per run.
  figures.push({ name: 'Monte Carlo project content hash, demo (once per run)', value: await timeIt(() => contentHash(demo), 9, 2), unit: 'ms' });
  figures.push({ name: 'Monte Carlo project content hash, 20,000 positions + 100,000 lines', value: await timeIt(() => contentHash(big), 3, 1), unit: 'ms' });
  // An edit in place before every run: new content, so each worker is sent the project and prepares it again.
  const edited = structuredClone(demo);
  const afterEdit = async () => { edited.settings.beginning_fund_balance += 100; await mc(2, edited)(); };
  try {
    // Two warm-up runs start both workers, prepare the project in each and let the JIT settle.
    await mc(2)();
    await mc(2)();
    const one = await timeIt(mc(1), 3, 0);
    const two = await timeIt(mc(2), 3, 0);
    figures.push({ name: 'Monte Carlo 10,000 trials × 10 years, demo, 2 workers', value: two, unit: 'ms', target: { max: 2000 } });
    figures.push({ name: 'the same, the project edited in place before each run', value: await timeIt(afterEdit, 3, 0), unit: 'ms', target: { max: 2000 } });
    figures.push({ name: 'Monte Carlo 10,000 trials × 10 years, demo, 1 worker', value: one, unit: 'ms' });
    figures.push({ name: 'Monte Carlo speed-up, 2 workers over 1', value: one / two, unit: 'x' });
  } finally {
    await closeMonteCarloWorkers();
  }
  return figures;
});
