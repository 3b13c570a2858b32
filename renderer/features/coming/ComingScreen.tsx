import type { Screen } from '../../store';
import { EmptyState } from '../../ui/EmptyState';

/** What each later screen will hold, and the command that computes it today. */
const COMING: Partial<Record<Screen, { what: string; cli: string }>> = {
  Allocate: { what: 'A needs-based budget built on screen: restricted funds to eligible needs first, the weighted formula, equity measures, compliance flags and in-year reviews.', cli: 'steward allocate PROJECT' },
  Scenarios: { what: 'Scenarios of drivers with what-if sliders, the priority plan and backup plans with their triggers and decision deadlines, Monte Carlo bands.', cli: 'steward forecast PROJECT --all' },
  Compare: { what: 'Scenarios side by side on budget, staffing and schedule metrics, for the board.', cli: 'steward compare PROJECT' },
  Staffing: { what: 'Required against actual staff by site and role, schedules and their cost, and where time goes against the district’s priorities.', cli: 'steward staffing PROJECT' },
  Reports: { what: 'Formatted workbooks, a board report as PDF, and charts to take to a meeting.', cli: 'steward forecast PROJECT --out report.xlsx' },
};

export function ComingScreen({ screen }: { screen: Screen }) {
  const c = COMING[screen];
  return (
    <EmptyState title={`${screen} — coming`} testId={`coming-${screen.toLowerCase()}`} level={1}>
      <p>{c?.what}</p>
      {c && <p className="muted">Until this screen is built, the same figures come from the command line: <code>{c.cli}</code>.</p>}
    </EmptyState>
  );
}
