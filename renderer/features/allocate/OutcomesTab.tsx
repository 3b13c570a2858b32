import { TableScroll } from '../../ui/TableScroll';
import { useState } from 'react';
import type { AllocationResult } from '../../../models/allocate/allocate';
import type { OutcomesResult } from '../../../models/outcomes/outcomes';
import { count, money } from '../../format';
import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';
import { OutcomeScatter } from '../../charts/OutcomeScatter';
import { discretionaryShares } from '../../../models/allocate/discretionary';

const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(3)}`;

/** Spending against outcomes (`steward outcomes`), and how much of each school's allocation its principal controls. */
export function OutcomesTab({ allocation }: { allocation: AllocationResult }) {
  const run = useRun('outcomes', {});
  if (!run || run.status === 'running') return <Loading text="Comparing spending with outcomes…" />;
  if (run.status === 'failed' || !run.result) return <p className="banner banner-error" role="alert">{run.error}</p>;
  return (
    <>
      <Outcomes res={run.result} />
      <Discretionary allocation={allocation} />
    </>
  );
}

function Outcomes({ res }: { res: OutcomesResult }) {
  const measures = [...new Set(res.sites.flatMap((s) => s.measures.map((m) => m.measure)))].sort();
  const [measure, setMeasure] = useState(measures[0] ?? '');
  if (res.sites.length + res.programs.length === 0) return <div className="panel"><h2>Outcomes</h2><p className="muted">The project has no Outcomes sheet: add one (site and/or program, year, measure, value, higher_is_better, source — docs/workbook.md) to compare spending with results.</p></div>;
  const points = res.sites.flatMap((s) => {
    const m = s.measures.find((x) => x.measure === measure);
    return m && s.per_pupil_cents !== null ? [{ label: s.id, name: s.name, perPupil: s.per_pupil_cents / 100, improvement: m.improvement_per_year, pupils: s.enrollment }] : [];
  });
  const tableId = 'outcome-sites-table';
  const tableName = `Schools: spending per pupil and ${measure}`;
  return (
    <>
      <div className="panel" data-testid="outcomes-panel">
        <h2>Spending against outcomes <span className="muted">FY{res.years[0]}–FY{res.years.at(-1)} · spending {res.spending_years.map((y) => `FY${y}`).join(', ') || 'none'} · as <code>steward outcomes</code></span></h2>
        <ul className="caveats small" data-testid="outcome-caveats">{res.caveats.map((c) => <li key={c}>{c}</li>)}</ul>
        <label className="field">
          <span>Measure</span>
          <select value={measure} onChange={(e) => setMeasure(e.target.value)} data-testid="outcome-measure">{measures.map((m) => <option key={m} value={m}>{m}</option>)}</select>
        </label>
        <OutcomeScatter points={points} measure={measure} tableId={tableId} tableName={tableName} />
        <TableScroll label="Schools: spending and outcomes">
          <table className="table table-compact" id={tableId} data-testid="outcome-sites-table">
            <caption className="sr-only">{tableName}</caption>
            <thead><tr><th>School</th><th className="num">Pupils</th><th className="num">Per pupil</th><th className="num">Change in per pupil</th><th className="num">First</th><th className="num">Last</th><th className="num">Better a year</th></tr></thead>
            <tbody>
              {res.sites.map((s) => {
                const m = s.measures.find((x) => x.measure === measure);
                return (
                  <tr key={s.id} data-site={s.id}>
                    <td><span className="code">{s.id}</span>{s.name}</td>
                    <td className="num">{count(s.enrollment)}</td>
                    <td className="num" data-testid="outcome-per-pupil">{s.per_pupil_cents === null ? '—' : money(s.per_pupil_cents)}</td>
                    <td className="num">{s.per_pupil_change_cents === null ? '—' : money(s.per_pupil_change_cents)}</td>
                    <td className="num">{m ? `${m.first.toFixed(3)} (FY${m.first_year})` : '—'}</td>
                    <td className="num">{m ? `${m.last.toFixed(3)} (FY${m.last_year})` : '—'}</td>
                    <td className={`num${m && m.improvement_per_year < 0 ? ' text-warn' : ''}`} data-testid="outcome-improvement">{m ? signed(m.improvement_per_year) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="panel" data-testid="outcome-ranking">
        <h2>Programs by cost of improvement</h2>
        <p className="small muted">Spending per pupil divided by the measure’s improvement a year (in the measure’s own units): lower is more improvement for the money. A program whose measure did not improve is listed last.</p>
        <TableScroll label="Programs by cost of improvement">
          <table className="table table-compact" data-testid="outcome-ranking-table">
            <thead><tr><th className="num">Rank</th><th>Program</th><th>Measure</th><th className="num">Per pupil</th><th className="num">Better a year</th><th className="num">Per pupil per unit a year</th></tr></thead>
            <tbody>
              {res.ranking.map((x, i) => (
                <tr key={`${x.program}|${x.measure}`} data-program={x.program}>
                  <td className="num">{i + 1}</td>
                  <td className="code">{x.program}</td>
                  <td>{x.measure}</td>
                  <td className="num">{x.per_pupil_cents === null ? '—' : money(x.per_pupil_cents)}</td>
                  <td className="num">{signed(x.improvement_per_year)}</td>
                  <td className="num" data-testid="ranking-cost">{x.cost_per_unit_cents === null ? 'no improvement' : money(x.cost_per_unit_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      <div className="panel">
        <h2>For the annual review <span className="muted">{res.flags.length}</span></h2>
        <ul className="problems" data-testid="outcome-flags">
          {res.flags.map((f, i) => (
            <li key={i} className={`problem problem-${f.severity === 'info' ? 'note' : f.severity}`}>
              <span className="problem-severity">{f.severity}</span>
              <span className="problem-where">{f.code} · {f.entity}{f.measure ? ` · ${f.measure}` : ''}</span>
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

/**
 * The share of each school's allocation its principal decides on: the formula's money (unrestricted,
 * spent by the school's own plan) less the positions the staffing rules fix there — as the
 * "discretionary" key of `steward allocate --json` for the same rules.
 */
function Discretionary({ allocation }: { allocation: AllocationResult }) {
  const run = useRun('allocate-fixed-positions', { year: allocation.year });
  if (!run || run.status === 'running') return <div className="panel" data-testid="discretionary-panel"><h2>Discretionary share</h2><Loading text="Costing the positions staffing rules fix…" /></div>;
  if (run.status === 'failed' || !run.result) return <div className="panel" data-testid="discretionary-panel"><h2>Discretionary share</h2><p className="banner banner-error" role="alert">{run.error}</p></div>;
  const fixed = run.result;
  const schools = discretionaryShares(allocation.sites, fixed);
  return (
    <div className="panel" data-testid="discretionary-panel">
      <h2>Discretionary share <span className="muted">what each principal controls</span></h2>
      <p className="small muted">The formula’s money is the school’s to plan, less the positions the staffing rules fix there ({fixed.rules_source === 'project' ? 'the StaffingRules sheet' : 'the staffing preset'}, FY{fixed.year} enrollment; costed at the school’s salaries, the part paid from unrestricted funds). Money from the needs register is tied to a need and its fund.</p>
      <TableScroll label="Discretionary share">
        <table className="table table-compact" data-testid="discretionary-table">
          <thead><tr><th>School</th><th className="num">Allocation</th><th className="num">Formula (unrestricted)</th><th className="num">Positions fixed by rule</th><th className="num">Discretionary</th><th className="num">Tied to needs</th><th className="num">Discretionary share</th></tr></thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.site_id} data-site={s.site_id}>
                <td><span className="code">{s.site_id}</span>{s.name}</td>
                <td className="num">{money(s.allocation_cents)}</td>
                <td className="num">{money(s.formula_cents)}</td>
                <td className="num">{money(s.fixed_positions_cents)} <span className="muted small">{s.fixed_positions_fte} FTE</span></td>
                <td className="num" data-testid="discretionary-cents">{money(s.discretionary_cents)}</td>
                <td className="num">{money(s.needs_cents)}</td>
                <td className="num" data-testid="discretionary-share">{s.share === null ? '—' : `${(s.share * 100).toFixed(1)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
