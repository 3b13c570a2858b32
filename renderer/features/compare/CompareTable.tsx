import { useState } from 'react';
import type { Comparison } from '../../../models/forecast/compare';
import { fiscalYear } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { diffText, metricGroup, metricLabel, metricText } from '../../ui/forecast/figures';

/** Budget, staffing and schedule metrics of one year, every scenario with its difference from the baseline. */
export function CompareTable({ comparison }: { comparison: Comparison }) {
  const years = [...new Set(comparison.rows.map((r) => r.year))];
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const year = picked !== undefined && years.includes(picked) ? picked : years.at(-1)!;
  const rows = comparison.rows.filter((r) => r.year === year);
  const ref = comparison.reference;
  let group = '';
  return (
    <div className="panel">
      <div className="panel-head">
        <h2>Side by side <span className="muted">difference from {ref}</span></h2>
        <label className="read-as">Year{' '}
          <select data-testid="compare-year" value={year} onChange={(e) => setPicked(Number(e.target.value))}>
            {years.map((y) => <option key={y} value={y}>{fiscalYear(y)}</option>)}
          </select>
        </label>
      </div>
      <TableScroll label="Scenarios side by side">
        <table className="table table-compact compare-table" data-testid="compare-table" data-year={year}>
          <caption className="sr-only">Scenarios side by side in {fiscalYear(year)}, each with its difference from {ref}</caption>
          <thead>
            <tr><th scope="col">Metric</th>{comparison.scenarios.map((s) => <th key={s} scope="col" className="num">{s}{s === ref ? ' (baseline)' : ''}</th>)}</tr>
          </thead>
          <tbody>
            {rows.flatMap((r) => {
              const g = metricGroup(r.metric);
              const out = [];
              if (g !== group) { group = g; out.push(<tr key={`g-${g}`} className="group-row"><th scope="colgroup" colSpan={comparison.scenarios.length + 1}>{g}</th></tr>); }
              out.push(
                <tr key={r.metric} data-metric={r.metric}>
                  <th scope="row">{metricLabel(r.metric)}</th>
                  {comparison.scenarios.map((s) => (
                    <td key={s} className="num" data-scenario={s}>
                      <span data-testid="cmp-value">{metricText(r.metric, r.values[s])}</span>
                      {s !== ref && <span className={`cmp-diff${(r.diff_from_reference[s] ?? 0) < 0 ? ' cmp-down' : ''}`} data-testid="cmp-diff">{diffText(r.metric, r.diff_from_reference[s])}</span>}
                    </td>
                  ))}
                </tr>,
              );
              return out;
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
