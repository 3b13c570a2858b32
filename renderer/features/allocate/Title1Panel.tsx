import { TableScroll } from '../../ui/TableScroll';
import type { AllocationResult } from '../../../models/allocate/allocate';
import { count, money } from '../../format';

const REASON: Record<string, string> = {
  above_high_poverty: 'above 75% poverty: served first (§1113(a)(3))',
  high_school_above_threshold: 'high school at or above 50% (§1113(a)(3)(B))',
  at_or_above_threshold: 'at or above the threshold',
  below_threshold: 'below the threshold',
  dropped_min_per_pupil: 'dropped: under the smallest amount worth serving',
  dropped_125_rule: 'dropped: the 125% rule (§1113(c)(2)(A))',
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The Title I rank table (ESEA §1113): poverty, served or not and why, the amount per low-income child. */
export function Title1Panel({ result }: { result: AllocationResult }) {
  const t = result.title1;
  if (t.fund_code === null) return null;
  return (
    <div className="panel" data-testid="title1-panel">
      <h2>Title I ranking <span className="muted">fund {t.fund_code} · threshold {pct(t.threshold)}</span></h2>
      {t.reservations && <p className="muted small">Off the top of {money(t.reservations.allocation_cents)}: parent and family engagement {money(t.reservations.family_engagement_cents)} ({money(t.reservations.family_engagement_schools_cents)} of it to schools, §1116(a)(3)), equitable services {money(t.reservations.equitable_services_cents)} (§1117), homeless {money(t.reservations.homeless_cents)} (§1113(c)(3)); the ranking shares {money(t.reservations.schools_cents)}.</p>}
      {t.rule_125?.applies && <p className="small text-warn">A school below 35% poverty is served, so every served school must get at least 125% of the district's amount per low-income child (§1113(c)(2)(A)).</p>}
      <TableScroll label="Title I ranking">
        <table className="table table-compact" data-testid="title1-table">
          <thead><tr><th className="num">Rank</th><th>School</th><th className="num">Poverty</th><th className="num">Low-income</th><th>Served</th><th className="num">Allocation</th><th className="num">Per low-income child</th><th>Why</th></tr></thead>
          <tbody>
            {t.sites.map((s) => (
              <tr key={s.site_id} data-site={s.site_id}>
                <td className="num">{s.rank}</td>
                <td className="code">{s.site_id}</td>
                <td className="num">{pct(s.poverty_share)}</td>
                <td className="num">{count(s.low_income)}</td>
                <td>{s.served ? 'yes' : 'no'}</td>
                <td className="num" data-testid="title1-allocation">{money(s.allocation_cents)}</td>
                <td className="num">{s.served ? money(Math.round(s.per_low_income_cents)) : '—'}</td>
                <td className="small">{REASON[s.reason] ?? s.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
