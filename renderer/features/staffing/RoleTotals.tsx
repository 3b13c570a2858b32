import type { StaffingReport } from '../../../models/staffing/reports';
import { fiscalYear, fte, money } from '../../format';
import { TableScroll } from '../../ui/TableScroll';
import { roleName } from './rule-text';

const signed = (n: number) => (n > 0 ? `+${fte(n)}` : fte(n));

/** The district's required against actual FTE by ruled role, and what closing the gaps costs. */
export function RoleTotals({ report }: { report: StaffingReport }) {
  const t = report.totals;
  return (
    <div className="panel" data-testid="staffing-totals">
      <h2>District, {fiscalYear(report.year)} <span className="muted">{report.rules_source === 'project' ? 'rules from the StaffingRules sheet' : `preset ${report.preset ?? ''} (the project has no StaffingRules sheet)`}</span></h2>
      <p>
        Positions to add <strong data-testid="total-added">{fte(t.positions_added_fte)}</strong> FTE, over the rules <strong data-testid="total-cut">{fte(t.positions_cut_fte)}</strong> FTE;
        net gap <strong data-testid="total-gap">{signed(t.gap_fte)}</strong> FTE costing <strong data-testid="total-gap-cost">{money(t.gap_cost_cents_schedule)}</strong> at the schedule average,{' '}
        <span data-testid="total-gap-cost-actual">{money(t.gap_cost_cents_actual)}</span> at actual salaries.
      </p>
      <TableScroll label="Required vs actual by role">
        <table className="table table-compact" data-testid="role-table">
          <caption className="sr-only">Required vs actual FTE by role</caption>
          <thead><tr><th>Role</th><th className="num">Required</th><th className="num">Actual</th><th className="num">Gap</th><th className="num">Per FTE (schedule)</th><th className="num">Gap cost (schedule)</th><th className="num">Gap cost (actual)</th></tr></thead>
          <tbody>
            {report.by_role.map((r) => (
              <tr key={r.role} data-role={r.role} className={r.gap_fte > 0 ? 'gap-short' : r.gap_fte < 0 ? 'gap-over' : undefined}>
                <td>{roleName(r.role)}</td>
                <td className="num" data-testid="role-required">{fte(r.required_fte)}</td>
                <td className="num" data-testid="role-actual">{fte(r.actual_fte)}</td>
                <td className="num" data-testid="role-gap">{signed(r.gap_fte)}</td>
                <td className="num">{money(r.cost_per_fte_cents_schedule)}</td>
                <td className="num" data-testid="role-gap-cost">{money(r.gap_cost_cents_schedule)}</td>
                <td className="num">{money(r.gap_cost_cents_actual)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th>Total</th><th className="num">{fte(t.required_fte)}</th><th className="num">{fte(t.actual_fte)}</th><th className="num">{signed(t.gap_fte)}</th><td /><th className="num">{money(t.gap_cost_cents_schedule)}</th><th className="num">{money(t.gap_cost_cents_actual)}</th></tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}
