import { useId } from 'react';
import type { ScenarioResult } from '../../../models/forecast/forecast';
import { LinesChart } from '../../charts/LinesChart';
import { StackedBarsChart } from '../../charts/StackedBarsChart';
import { POLICY_LINE } from '../../charts/palette';
import { compactDollars, dollars, fte } from '../../format';
import { TableScroll } from '../TableScroll';
import { pct } from './figures';

// The forecast's charts, each with its table (the same figures) in a disclosure under it: shared by
// the Compare screen (the board view) and the Scenarios screen (what-if sliders redraw them).

const label = (s: string) => s.replace(/_/g, ' ');

function ChartTable({ id, name, head, rows }: { id: string; name: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <details className="chart-table">
      <summary>Table: {name}</summary>
      <TableScroll label={name}>
        <table className="table table-compact" id={id}>
          <caption className="sr-only">{name}</caption>
          <thead><tr>{head.map((h, i) => <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>{h}</th>)}</tr></thead>
          <tbody>{rows.map((r) => <tr key={String(r[0])}>{r.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i} className="num">{c}</td>))}</tr>)}</tbody>
        </table>
      </TableScroll>
    </details>
  );
}

/** Ending fund balance per scenario, with the reserve policy (policy × the baseline's expenditure) dashed. */
export function BalanceChart({ scenarios, baseline, policyPct, testId = 'balance-chart' }: { scenarios: ScenarioResult[]; baseline: string; policyPct: number; testId?: string }) {
  const id = useId();
  const years = scenarios[0]?.years.map((y) => y.year) ?? [];
  const base = scenarios.find((s) => s.name === baseline) ?? scenarios[0];
  const policy = base?.years.map((y) => Math.round(y.expenditure_cents * policyPct)) ?? [];
  const name = 'Ending fund balance by scenario';
  const lowest = scenarios.map((s) => ({ s: s.name, last: s.years.at(-1)?.ending_balance_cents ?? 0 })).sort((a, b) => a.last - b.last)[0];
  const breaching = scenarios.filter((s) => s.years.some((y) => y.below_policy)).length;
  return (
    <figure className="panel chart-panel" data-testid={testId}>
      <figcaption><h3>{name}</h3></figcaption>
      <LinesChart years={years} format={compactDollars} name={name} tableId={id} tableName={name}
        summary={`${scenarios.length} scenarios from ${years[0]} to ${years.at(-1)}; ${breaching} fall below the reserve policy (${pct(policyPct)} of ${baseline}'s expenditure) at some point; lowest at the end: ${lowest?.s} at ${compactDollars(lowest?.last ?? 0)}.`}
        series={[...scenarios.map((s) => ({ label: s.name, values: s.years.map((y) => y.ending_balance_cents) })), { label: `Reserve policy (${pct(policyPct)})`, values: policy, dashed: true, colour: POLICY_LINE }]} />
      <ChartTable id={id} name={name} head={['Year', ...scenarios.map((s) => s.name), 'Reserve policy']}
        rows={years.map((y, t) => [y, ...scenarios.map((s) => dollars(s.years[t]?.ending_balance_cents ?? 0)), dollars(policy[t] ?? 0)])} />
    </figure>
  );
}

/** Revenue against expenditure in one scenario. */
export function RevenueExpenditureChart({ scenario }: { scenario: ScenarioResult }) {
  const id = useId();
  const years = scenario.years.map((y) => y.year);
  const name = `Revenue and expenditure, ${scenario.name}`;
  const gap = scenario.years.filter((y) => y.expenditure_cents > y.revenue_cents).map((y) => y.year);
  return (
    <figure className="panel chart-panel" data-testid="revenue-expenditure-chart">
      <figcaption><h3>{name}</h3></figcaption>
      <LinesChart years={years} format={compactDollars} name={name} tableId={id} tableName={name}
        summary={gap.length ? `Expenditure is above revenue in ${gap.length} of ${years.length} years (${gap[0]}${gap.length > 1 ? `–${gap.at(-1)}` : ''}).` : 'Revenue covers expenditure every year.'}
        series={[{ label: 'Revenue', values: scenario.years.map((y) => y.revenue_cents) }, { label: 'Expenditure', values: scenario.years.map((y) => y.expenditure_cents) }]} />
      <ChartTable id={id} name={name} head={['Year', 'Revenue', 'Expenditure', 'Surplus (deficit)']}
        rows={scenario.years.map((y) => [y.year, dollars(y.revenue_cents), dollars(y.expenditure_cents), dollars(y.surplus_cents)])} />
    </figure>
  );
}

/** Expenditure stacked by object class, year by year (the general fund, as the forecast's totals). */
export function ObjectChart({ scenario }: { scenario: ScenarioResult }) {
  const id = useId();
  const years = scenario.years.map((y) => y.year);
  const classes = Object.keys(scenario.years[0]?.expenditure_by_object ?? {});
  const name = `Expenditure by object, ${scenario.name}`;
  const last = scenario.years.at(-1)?.expenditure_by_object ?? {};
  const top = [...classes].sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0))[0];
  return (
    <figure className="panel chart-panel" data-testid="object-chart">
      <figcaption><h3>{name}</h3></figcaption>
      <StackedBarsChart years={years} format={compactDollars} name={name} tableId={id} tableName={name}
        summary={`${classes.length} object classes; the largest in ${years.at(-1)} is ${top ? label(top) : '—'} at ${compactDollars(last[top ?? ''] ?? 0)}.`}
        stacks={classes.map((c) => ({ label: label(c), values: scenario.years.map((y) => y.expenditure_by_object?.[c] ?? 0) }))} />
      <ChartTable id={id} name={name} head={['Year', ...classes.map(label)]}
        rows={scenario.years.map((y) => [y.year, ...classes.map((c) => dollars(y.expenditure_by_object?.[c] ?? 0))])} />
    </figure>
  );
}

/** FTE stacked by role: the largest roles, the rest as "other roles"; the table has every role. */
export function RoleChart({ scenario, shown = 7 }: { scenario: ScenarioResult; shown?: number }) {
  const id = useId();
  const years = scenario.years.map((y) => y.year);
  const roles = Object.keys(scenario.years[0]?.fte_by_role ?? {});
  const first = scenario.years[0]?.fte_by_role ?? {};
  const big = [...roles].sort((a, b) => (first[b] ?? 0) - (first[a] ?? 0)).slice(0, shown);
  const rest = roles.filter((r) => !big.includes(r));
  const name = `FTE by role, ${scenario.name}`;
  const total = (y: ScenarioResult['years'][number]) => roles.reduce((a, r) => a + (y.fte_by_role?.[r] ?? 0), 0);
  const stacks = [...big.map((r) => ({ label: label(r), values: scenario.years.map((y) => y.fte_by_role?.[r] ?? 0) }))];
  if (rest.length) stacks.push({ label: `${rest.length} other roles`, values: scenario.years.map((y) => rest.reduce((a, r) => a + (y.fte_by_role?.[r] ?? 0), 0)) });
  return (
    <figure className="panel chart-panel" data-testid="role-chart">
      <figcaption><h3>{name}</h3></figcaption>
      <StackedBarsChart years={years} format={fte} name={name} tableId={id} tableName={name}
        summary={`${fte(total(scenario.years[0]!))} FTE in ${years[0]}, ${fte(total(scenario.years.at(-1)!))} in ${years.at(-1)}.`} stacks={stacks} />
      <ChartTable id={id} name={name} head={['Role', ...years.map(String)]}
        rows={roles.map((r) => [label(r), ...scenario.years.map((y) => fte(y.fte_by_role?.[r] ?? 0))])} />
    </figure>
  );
}
