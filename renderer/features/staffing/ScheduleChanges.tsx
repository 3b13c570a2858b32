import { useState } from 'react';
import type { ScheduleChange } from '../../../models/staffing/schedule-change';
import type { ScheduleView } from '../../engine/ops/staffing';
import { count, fte, money } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { changeText } from './change-text';

type Site = ScheduleView['report']['sites'][number];
type Kind = 'periods' | 'collaboration_block' | 'class_size_cap';

const signed = (n: number, f: (x: number) => string) => (n > 0 ? `+${f(n)}` : f(n));

/** What each schedule change costs against the current schedule (the three `steward schedule` prices, and any asked for here). */
export function ScheduleChanges({ site, extra, onExtra }: { site: Site; extra: ScheduleChange[]; onExtra: (c: ScheduleChange[]) => void }) {
  const [kind, setKind] = useState<Kind>('periods');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const v = Number(value.trim());
    if (!Number.isFinite(v) || v <= 0 || (kind === 'periods' && !Number.isInteger(v))) return setError(`Enter ${kind === 'periods' ? 'a whole number of periods' : 'a number above 0'}.`);
    setError(null);
    const c: ScheduleChange = kind === 'periods' ? { kind, periods_per_day: v } : kind === 'collaboration_block' ? { kind, minutes_per_week: v } : { kind, class_size_cap: v };
    onExtra([...extra, c]);
    setValue('');
  };
  return (
    <div className="panel" data-testid="schedule-changes">
      <h2>Cost of a schedule change <span className="muted">against the current schedule, teacher FTE at the schedule average</span></h2>
      <TableScroll label="Cost of schedule changes">
        <table className="table table-compact" data-testid="changes-table">
          <caption className="sr-only">Cost of schedule changes at {site.site_id}</caption>
          <thead><tr><th>Change</th><th className="num">Teacher FTE</th><th className="num">Cost a year</th><th className="num">(actual salaries)</th><th>Paid from</th><th className="num">Instructional min/yr</th></tr></thead>
          <tbody>
            {site.changes.map((c, i) => (
              <tr key={i} data-change={c.change.kind} data-index={i}>
                <td className="change-cell"><span data-testid="change-name">{changeText(c.change)}</span><div className="muted small">{c.assumption}</div></td>
                <td className="num" data-testid="change-fte">{signed(c.delta_fte, fte)}</td>
                <td className="num" data-testid="change-cost">{money(c.delta_cost_cents_schedule)}</td>
                <td className="num" data-testid="change-cost-actual">{money(c.delta_cost_cents_actual)}</td>
                <td className="nowrap">{c.funding.map((f) => <div key={f.fund_code}>{f.fund_code} {money(f.cents)}</div>)}</td>
                <td className="num">{signed(c.instructional_minutes_per_year_change, count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="change-form">
        <label>Price another change{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} data-testid="change-kind">
            <option value="periods">Periods a day</option>
            <option value="collaboration_block">Collaboration minutes a week</option>
            <option value="class_size_cap">Class-size cap</option>
          </select>
        </label>
        <label>Value{' '}<input className="rule-input" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') add(); }} data-testid="change-value" /></label>
        <button type="button" className="button" onClick={add}>Price it</button>
        {extra.length > 0 && <button type="button" className="button" onClick={() => onExtra([])}>Clear</button>}
      </div>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
    </div>
  );
}
