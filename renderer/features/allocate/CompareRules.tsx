import { TableScroll } from '../../ui/TableScroll';
import type { AllocationResult } from '../../../models/allocate/allocate';
import type { RuleSetChoice } from '../../../models/allocate/choices';
import { money } from '../../format';
import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';

const signed = (c: number) => (c > 0 ? `+${money(c)}` : money(c));

/** Two rule sets side by side: each site's allocation under both, the difference, and each one's fairness. */
export function CompareRules({ base, other, choices, onOther }: { base: AllocationResult; other: string | undefined; choices: RuleSetChoice[]; onOther: (v: string | undefined) => void }) {
  return (
    <div className="panel" data-testid="compare-rules">
      <h2>Compare with another rule set</h2>
      <label>
        Compare {base.rules.name} with{' '}
        <select data-testid="compare-select" value={other ?? ''} onChange={(e) => onOther(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">choose a rule set…</option>
          {choices.filter((c) => c.name !== base.rules.name).map((c) => <option key={c.name} value={c.name}>{c.kind === 'preset' ? `Preset: ${c.name}` : c.name}</option>)}
        </select>
      </label>
      {other !== undefined && <Comparison base={base} other={other} />}
    </div>
  );
}

function Comparison({ base, other }: { base: AllocationResult; other: string }) {
  const run = useRun('allocate', { rules: other });
  if (!run || run.status === 'running') return <Loading text={`Allocating with ${other}…`} />;
  if (run.status === 'failed' || !run.result) return <p className="banner banner-error" role="alert">{run.error}</p>;
  const b = run.result.result;
  const byId = new Map(b.sites.map((s) => [s.site_id, s]));
  return (
    <TableScroll label="Two rule sets compared">
      <table className="table table-compact" data-testid="compare-table">
        <thead><tr><th>Site</th><th className="num">{base.rules.name}</th><th className="num">{b.rules.name}</th><th className="num">Difference</th></tr></thead>
        <tbody>
          {base.sites.map((s) => {
            const o = byId.get(s.site_id);
            const d = (o?.allocation_cents ?? 0) - s.allocation_cents;
            return (
              <tr key={s.site_id} data-site={s.site_id}>
                <td><span className="code">{s.site_id}</span>{s.name}</td>
                <td className="num">{money(s.allocation_cents)}</td>
                <td className="num">{o ? money(o.allocation_cents) : '—'}</td>
                <td className={`num${d < 0 ? ' text-warn' : ''}`} data-testid="compare-difference">{signed(d)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr><th>Gini</th><th className="num">{base.equity.gini.toFixed(3)}</th><th className="num">{b.equity.gini.toFixed(3)}</th><th /></tr>
          <tr><th>Coefficient of variation</th><th className="num">{base.equity.cv.toFixed(3)}</th><th className="num">{b.equity.cv.toFixed(3)}</th><th /></tr>
          <tr><th>General money not allocated</th><th className="num">{money(base.unallocated_general.cents)}</th><th className="num">{money(b.unallocated_general.cents)}</th><th /></tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
