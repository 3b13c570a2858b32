import type { PlanSwitch } from '../../../models/forecast/engine';
import type { ForecastReport } from '../../../models/forecast/forecast';
import { TableScroll } from '../../ui/TableScroll';
import { pct } from '../../ui/forecast/figures';

/** A trigger's figures as the CLI's text report writes them: rates as percents, the rest to 4 significant digits. */
export function triggerValues(sw: PlanSwitch): string {
  return Object.entries(sw.trigger_values ?? {}).map(([k, v]) => `${k} ${k.endsWith('_pct') || k.endsWith('_growth') || k.endsWith('_change') ? pct(v) : String(Number(v.toPrecision(4)))}`).join(', ');
}

/**
 * Which plan runs in which year of each scenario, and why: the trigger that started a backup plan,
 * the figure it read, when that figure is known, the decision deadline — "too late" when the figure
 * comes after it (then the district decides on an earlier projection).
 */
export function PlanTimeline({ forecast }: { forecast: ForecastReport }) {
  const years = forecast.scenarios[0]?.years.map((y) => y.year) ?? [];
  const plans = [...new Set(forecast.scenarios.flatMap((s) => s.years.map((y) => y.plan ?? 'no plan')))];
  return (
    <div className="panel" data-testid="plan-timeline">
      <h2>Plan timeline <span className="muted">which plan runs when, and why</span></h2>
      <TableScroll label="Plan timeline">
        <table className="table table-compact timeline">
          <caption className="sr-only">The plan each scenario runs in each fiscal year; a trigger year is marked</caption>
          <thead><tr><th scope="col">Scenario</th>{years.map((y) => <th key={y} scope="col">{y}</th>)}</tr></thead>
          <tbody>
            {forecast.scenarios.map((s) => (
              <tr key={s.name} data-scenario={s.name}>
                <th scope="row">{s.name}</th>
                {s.years.map((y) => {
                  const fired = s.plan_switches.find((sw) => sw.trigger_year === y.year);
                  const plan = y.plan ?? 'no plan';
                  return (
                    <td key={y.year} data-year={y.year} className={`timeline-cell plan-${plans.indexOf(plan) % 6}${y.below_policy ? ' below-policy' : ''}`} title={`${plan}${y.below_policy ? ' · below the reserve policy' : ''}`}>
                      <span data-testid="timeline-plan">{plan}</span>
                      {fired && <span className="timeline-mark">trigger ({triggerValues(fired)})</span>}
                      {y.below_policy && <span className="visually-hidden"> (below the reserve policy)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted small">A red underline: the reserve is below policy that year.</p>
      <ul className="switches">
        {forecast.scenarios.flatMap((s) => s.plan_switches.map((sw) => (
          <li key={`${s.name}|${sw.plan}|${sw.year}`} data-testid="plan-switch" data-scenario={s.name} data-plan={sw.plan}>
            <strong>{s.name}:</strong> <span data-testid="sw-plan">{sw.plan}</span> from <span data-testid="sw-year">{sw.year}</span> — “{sw.condition}” fired in <span data-testid="sw-trigger-year">{sw.trigger_year}</span>
            {triggerValues(sw) && <> (<span data-testid="sw-values">{triggerValues(sw)}</span>)</>}.
            {sw.decide_by && (
              <>
                {' '}Figure known <span data-testid="sw-known">{sw.figure_known_on}</span>; decide by <span data-testid="sw-decide-by">{sw.decide_by}</span>:{' '}
                {sw.too_late
                  ? <span className="tag tag-error" data-testid="sw-verdict">too late</span>
                  : <span className="tag tag-ok" data-testid="sw-verdict">in time</span>}
                {sw.too_late && <> — decide on the projection made in FY{sw.decide_on_projection_made_in}</>}
              </>
            )}
          </li>
        )))}
        {forecast.scenarios.flatMap((s) => s.plan_switches_not_run.map((sw) => (
          <li key={`${s.name}|${sw.plan}|${sw.year}|not`} className="muted" data-testid="plan-switch-not-run" data-scenario={s.name}>
            {s.name}: {sw.plan} — “{sw.condition}” fired in {sw.trigger_year}, not run: {sw.reason}
          </li>
        )))}
      </ul>
      {forecast.scenarios.every((s) => s.plan_switches.length === 0) && <p className="muted">No backup plan is triggered in any scenario.</p>}
    </div>
  );
}
