import type { ProjectSummary } from '../../../models/project/summary';
import { count, dollars, fteColumn, money } from '../../format';

export function SiteTable({ summary, labelledBy }: { summary: ProjectSummary; labelledBy: string }) {
  const t = summary.totals;
  return (
    <table className="table" data-testid="site-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Site</th><th scope="col">Level</th><th scope="col" className="num">Students</th><th scope="col" className="num">FTE</th>
          <th scope="col" className="num">Budget</th><th scope="col" className="num">Budget per student</th>
        </tr>
      </thead>
      <tbody>
        {summary.bySite.map((s) => (
          <tr key={s.siteId}>
            <td><span className="code">{s.siteId}</span> {s.name}</td>
            <td>{s.level ?? <span className="tag tag-warn">not in Sites</span>}</td>
            <td className="num">{count(s.students)}</td>
            <td className="num">{fteColumn(s.fte)}</td>
            <td className="num">{money(s.budgetCents)}</td>
            <td className="num muted">{s.students > 0 ? dollars(s.budgetCents / s.students) : '—'}</td>
          </tr>
        ))}
        <tr className="row-subtle">
          <td colSpan={4}>District-wide (no site)</td>
          <td className="num">{money(summary.districtWideBudgetCents)}</td>
          <td />
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>Total</th>
          <th className="num">{count(t.students)}</th>
          <th className="num">{fteColumn(t.fte)}</th>
          <th className="num">{money(t.budgetCents)}</th>
          <th className="num muted">{t.students > 0 ? dollars(t.budgetCents / t.students) : '—'}</th>
        </tr>
      </tfoot>
    </table>
  );
}
