import { describe, expect, it } from 'vitest';
import { captureCliOutput } from './capture-output';

// `steward forecast demo-network`: the JSON contract of issue 20 — per year and scenario the six
// measures, each with `meets`, and with --trials the chance each misses its standard.

const cli = captureCliOutput();

const KEYS = ['days_cash_on_hand', 'current_ratio', 'total_margin', 'enrollment_variance', 'dscr', 'debt_to_asset'];

describe('steward forecast demo-network', () => {
  it('reports the measures per year and scenario, each with meets, and their breach probabilities with --trials', async () => {
    const { run } = await import('../../cli/commands/forecast');
    expect(await run(['demo-network', '--all', '--trials', '60', '--seed', '3', '--workers', '0', '--json'])).toBe(0);
    const j = JSON.parse(cli.text);
    expect(j.project).toBe('demo-network');
    expect(j.scenarios.map((s: { name: string }) => s.name)).toEqual(['Base', 'Philanthropy falls by half', 'Enrollment and funding squeeze']);
    for (const s of j.scenarios) for (const y of s.years) {
      expect(Object.keys(y.measures)).toEqual(KEYS);
      for (const k of KEYS) { expect(typeof y.measures[k].value).toBe('number'); expect(typeof y.measures[k].meets).toBe('boolean'); }
      // Each school's measures and P&L after the fee, and the network office's budget funded by the fees.
      for (const x of [...y.network.schools, y.network.office]) {
        expect(Object.keys(x.measures)).toEqual(KEYS);
        for (const k of KEYS) expect(typeof x.measures[k].meets).toBe('boolean');
        for (const k of ['expenses_cents', 'debt_service_cents', 'net_cents', 'cash_cents']) expect(Number.isInteger(x[k])).toBe(true);
      }
      expect(y.network.schools.reduce((a: number, x: { fee_cents: number }) => a + x.fee_cents, 0)).toBe(y.network.office.fee_revenue_cents);
    }
    expect(Object.keys(j.monte_carlo.measure_breach_probability)).toEqual(KEYS);
    expect(j.monte_carlo.measure_breach_probability.dscr).toHaveLength(6);
    expect(j.monte_carlo.covenant_breach_probability).toHaveLength(6);
  });
});

describe('the Schools sheet of forecast demo-network --out', () => {
  it('has each school\'s P&L after the fee and the office\'s budget funded by fees, a row per scenario, year and site', async () => {
    const { schoolSheet } = await import('../../cli/commands/forecast-network');
    const { forecastProject } = await import('../../models/forecast/forecast');
    const { demoNetworkProject } = await import('../../models/demo/network');
    const r = forecastProject(demoNetworkProject(), { scenarios: ['Base'] });
    if (!r.ok) throw new Error(r.reason);
    const sheet = schoolSheet(r.value.scenarios)!;
    const [head, ...rows] = sheet.rows;
    expect(sheet.name).toBe('Schools');
    expect(rows).toHaveLength(6 * 7); // six years × (six schools + the office)
    const col = (name: string) => head!.indexOf(name);
    const y2028 = rows.filter((x) => x[1] === 2028);
    // The schools' fees add up to the office's fee revenue; the nets to the year's surplus (dollars, to the cent).
    const sum = (k: string) => Math.round(y2028.reduce((a, x) => a + Number(x[col(k)] ?? 0), 0) * 100);
    expect(sum('fee')).toBe(Math.round(Number(y2028.find((x) => x[3] === 'network office')![col('fee_revenue')]) * 100));
    expect(sum('net')).toBe(r.value.scenarios[0]!.years[2]!.surplus_cents);
  });
});
