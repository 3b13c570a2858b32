import { useState } from 'react';
import type { PlanAreasYear, ScenarioAreas } from '../../../models/forecast/areas';
import { dollars, fiscalYear, fte } from '../../format';

// Each scenario's plan in the four areas a contingency plan names, side by side for one year: the
// `areas` of `steward compare --json` (models/forecast/areas.ts), all funds.

interface Row { key: string; label: string; values: (number | undefined)[]; kind: 'money' | 'fte'; group?: string }

const OBJECT_LABELS: Record<string, string> = {
  salaries: 'Salaries', benefits: 'Benefits', purchased_services: 'Purchased services', supplies: 'Supplies', capital: 'Capital', other: 'Other', transfers_out: 'Transfers out',
};

/** Keys of a record in every scenario, largest in the baseline (the first) first. */
function keysOf(years: PlanAreasYear[], pick: (y: PlanAreasYear) => Record<string, number>): string[] {
  const all = new Set<string>();
  for (const y of years) for (const k of Object.keys(pick(y))) all.add(k);
  const first = years[0] ? pick(years[0]) : {};
  return [...all].sort((a, b) => (first[b] ?? 0) - (first[a] ?? 0) || a.localeCompare(b));
}

function recordRows(years: PlanAreasYear[], prefix: string, pick: (y: PlanAreasYear) => Record<string, number>, kind: Row['kind'], group?: string, label = (k: string) => k): Row[] {
  return keysOf(years, pick).map((k) => ({ key: `${prefix}:${k}`, label: label(k), values: years.map((y) => pick(y)[k]), kind, ...(group ? { group } : {}) }));
}

function areaTables(years: PlanAreasYear[]): { id: string; title: string; rows: Row[] }[] {
  const v = (f: (y: PlanAreasYear) => number) => years.map(f);
  return [
    { id: 'budgets', title: 'Budgets', rows: [
      { key: 'total', label: 'All funds', values: v((y) => y.expenditure_cents), kind: 'money' },
      ...recordRows(years, 'fund', (y) => y.budgets.by_fund, 'money', 'By fund'),
      ...recordRows(years, 'object', (y) => y.budgets.by_object, 'money', 'By object', (k) => OBJECT_LABELS[k] ?? k),
    ] },
    { id: 'staffing', title: 'Staffing and contracts', rows: [
      { key: 'fte', label: 'FTE', values: v((y) => y.staffing.fte), kind: 'fte' },
      { key: 'personnel', label: 'Salaries and benefits', values: v((y) => y.staffing.personnel_cents), kind: 'money' },
      { key: 'contracts', label: 'Purchased services', values: v((y) => y.staffing.purchased_services_cents), kind: 'money' },
      ...recordRows(years, 'role', (y) => y.staffing.fte_by_role, 'fte', 'FTE by role'),
    ] },
    { id: 'programs', title: 'Programs', rows: recordRows(years, 'program', (y) => y.programs, 'money') },
    { id: 'infrastructure', title: 'Infrastructure', rows: [
      { key: 'facilities', label: 'Facilities (operations, maintenance, construction)', values: v((y) => y.infrastructure.facilities_cents), kind: 'money' },
      { key: 'transportation', label: 'Transportation', values: v((y) => y.infrastructure.transportation_cents), kind: 'money' },
      { key: 'capital', label: 'Capital', values: v((y) => y.infrastructure.capital_cents), kind: 'money' },
      ...recordRows(years, 'capfn', (y) => y.infrastructure.capital_by_function, 'money', 'Capital by function'),
    ] },
  ];
}

const text = (kind: Row['kind'], n: number | undefined) => (n === undefined ? '–' : kind === 'money' ? dollars(n) : fte(n));
const diff = (kind: Row['kind'], n: number) => (n === 0 ? '' : `${n > 0 ? '+' : '−'}${text(kind, Math.abs(n))}`);

export function PlanAreas({ areas }: { areas: ScenarioAreas[] }) {
  const yearList = areas[0]?.years.map((y) => y.year) ?? [];
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const year = picked !== undefined && yearList.includes(picked) ? picked : yearList.at(-1);
  if (year === undefined) return null;
  const years = areas.map((a) => a.years.find((y) => y.year === year)!).filter(Boolean);
  const names = areas.map((a) => a.scenario);
  return (
    <div className="panel" data-testid="plan-areas">
      <div className="panel-head">
        <h2>Plans in four areas <span className="muted">all funds; difference from {names[0]}</span></h2>
        <label className="read-as">Year{' '}
          <select data-testid="areas-year" value={year} onChange={(e) => setPicked(Number(e.target.value))}>
            {yearList.map((y) => <option key={y} value={y}>{fiscalYear(y)}</option>)}
          </select>
        </label>
      </div>
      <p className="muted">Spending by program and function follows each fund and object&apos;s base-year budget lines through the years, as <code>steward compare --json</code> (areas).</p>
      <div className="areas-grid">
        {areaTables(years).map((t) => (
          <div key={t.id} className="areas-table" data-area={t.id}>
            <h3 id={`area-${t.id}`}>{t.title}</h3>
            <div className="areas-scroll" role="region" aria-labelledby={`area-${t.id}`} tabIndex={0}>
              <table className="table table-compact">
                <caption className="sr-only">{t.title} in {fiscalYear(year)}, every scenario, with its difference from {names[0]}</caption>
                <thead><tr><th scope="col">{t.title}</th>{names.map((n) => <th key={n} scope="col" className="num">{n}</th>)}</tr></thead>
                <tbody>{rowsWithGroups(t.rows, names.length, names)}</tbody>
              </table>
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

function rowsWithGroups(rows: Row[], n: number, names: string[]) {
  let group: string | undefined;
  return rows.flatMap((r) => {
    const out = [];
    if (r.group && r.group !== group) { group = r.group; out.push(<tr key={`g-${r.group}`} className="group-row"><th scope="colgroup" colSpan={n + 1}>{r.group}</th></tr>); }
    const ref = r.values[0] ?? 0;
    out.push(
      <tr key={r.key} data-row={r.key}>
        <th scope="row">{r.label}</th>
        {r.values.map((value, i) => (
          <td key={names[i]} className="num" data-scenario={names[i]} data-value={value ?? ''}>
            {text(r.kind, value)}
            {i > 0 && value !== undefined && <span className={`cmp-diff${value - ref < 0 ? ' cmp-down' : ''}`}>{diff(r.kind, r.kind === 'fte' ? Math.round((value - ref) * 100) / 100 : value - ref)}</span>}
          </td>
        ))}
      </tr>,
    );
    return out;
  });
}
