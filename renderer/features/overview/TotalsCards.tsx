import type { ReactNode } from 'react';
import type { ProjectSummary } from '../../../models/project/summary';
import { count, dollars, fiscalYear, fte, percent } from '../../format';

function Card({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <div className="card">
      <div className="card-label">{label}</div>
      <div className="card-value" data-testid={testId}>{value}</div>
      {children && <div className="card-note">{children}</div>}
    </div>
  );
}

/** A thin bar: the restricted share of the budget, in the restricted colour. */
function SplitBar({ restricted, total }: { restricted: number; total: number }) {
  const share = total > 0 ? Math.min(100, Math.max(0, (restricted / total) * 100)) : 0;
  return (
    <div className="split-bar" aria-hidden="true">
      <div className="split-bar-restricted" style={{ width: `${share}%` }} />
    </div>
  );
}

function levelsNote(summary: ProjectSummary): string {
  const byLevel = new Map<string, number>();
  for (const s of summary.bySite) if (s.level) byLevel.set(s.level, (byLevel.get(s.level) ?? 0) + 1);
  return [...byLevel].map(([level, n]) => `${n} ${level}`).join(' · ');
}

export function TotalsCards({ summary }: { summary: ProjectSummary }) {
  const t = summary.totals;
  return (
    <div className="cards">
      <Card label="Students" value={count(t.students)} testId="total-students">enrolled {fiscalYear(summary.baseYear)}</Card>
      <Card label="Sites" value={count(t.sites)} testId="total-sites">{levelsNote(summary)}</Card>
      <Card label="Positions" value={count(t.positions)} testId="total-positions">
        <span data-testid="total-fte">{fte(t.fte)}</span> FTE · {count(t.vacantPositions)} vacant
      </Card>
      <Card label="Budget, all funds" value={dollars(t.budgetCents)} testId="total-budget">{count(t.budgetLines)} budget lines</Card>
      <Card label="Restricted vs general" value={dollars(t.restrictedCents)} testId="total-restricted">
        <SplitBar restricted={t.restrictedCents} total={t.budgetCents} />
        {percent(t.restrictedCents, t.budgetCents)} restricted · general <span data-testid="total-unrestricted">{dollars(t.unrestrictedCents)}</span>
        {t.unclassifiedCents !== 0 && <> · {dollars(t.unclassifiedCents)} in funds not listed</>}
      </Card>
    </div>
  );
}
