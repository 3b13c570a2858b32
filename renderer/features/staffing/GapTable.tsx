import type { StaffingView } from '../../engine/ops/staffing';
import { fte, money } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { roleName, ruleText } from './rule-text';

const signed = (n: number) => (n > 0 ? `+${fte(n)}` : fte(n));

/** Each site and ruled role: the rule behind the requirement, required, actual (vacant), the gap and its cost, and the funds that would pay it. */
export function GapTable({ view, site }: { view: StaffingView; site: string }) {
  const rows = view.report.sites.filter((r) => (site === '' ? r.required_fte > 0 || r.gap_fte !== 0 : r.site_id === site));
  return (
    <TableScroll label="Required vs actual FTE">
      <table className="table table-compact gap-table" data-testid="gap-table">
        <caption className="sr-only">Required vs actual FTE{site === '' ? ' by site and role' : ` at site ${site}`}</caption>
        <thead>
          <tr>
            {site === '' && <th>Site</th>}<th>Role</th><th>Rule</th><th className="num">Required</th><th className="num">Actual</th>
            <th className="num">Gap</th><th className="num">Cost to close (schedule)</th><th className="num">(actual salaries)</th><th>Paid from</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.site_id}|${r.role}`} data-site={r.site_id} data-role={r.role} className={r.gap_fte > 0 ? 'gap-short' : r.gap_fte < 0 ? 'gap-over' : undefined}>
              {site === '' && <td className="nowrap"><span className="code">{r.site_id}</span> {r.site_name}</td>}
              <td className="nowrap">{roleName(r.role)}</td>
              <td className="rule-cell" data-testid="gap-rule">{r.rules.map((l) => <div key={l.rule}>{ruleText(view.rules[l.rule], l)}</div>)}</td>
              <td className="num" data-testid="gap-required">{fte(r.required_fte)}</td>
              <td className="num"><span data-testid="gap-actual">{fte(r.actual_fte)}</span>{r.vacant_fte > 0 && <span className="tag tag-warn">{fte(r.vacant_fte)} vacant</span>}</td>
              <td className="num">
                <span data-testid="gap-fte">{signed(r.gap_fte)}</span>
                {r.gap_fte > 0 && <span className="tag tag-warn">short</span>}
                {r.gap_fte < 0 && <span className="tag tag-ok">over</span>}
              </td>
              <td className="num" data-testid="gap-cost">{money(r.gap_cost_cents_schedule)}</td>
              <td className="num" data-testid="gap-cost-actual">{money(r.gap_cost_cents_actual)}</td>
              <td className="nowrap">{r.gap_fte === 0 ? <span className="muted">—</span> : r.gap_funding.map((f) => <div key={f.fund_code}>{f.fund_code} {Math.round(f.share * 100)}% {money(f.cents_schedule)}</div>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
