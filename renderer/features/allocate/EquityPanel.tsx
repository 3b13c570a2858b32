import type { AllocationResult } from '../../../models/allocate/allocate';
import { money } from '../../format';

/** The eight measures of fairness, each with what it says in plain words. */
const MEASURES: { key: 'range' | 'restricted_range' | 'federal_range_ratio' | 'cv' | 'mcloone' | 'verstegen' | 'gini' | 'theil'; label: string; meaning: string; dollars?: boolean; digits?: number }[] = [
  { key: 'range', label: 'Range', meaning: 'Highest minus lowest dollars per pupil among schools.', dollars: true },
  { key: 'restricted_range', label: 'Restricted range', meaning: 'The same between the 95th and 5th percentile pupil — ignores the extremes.', dollars: true },
  { key: 'federal_range_ratio', label: 'Federal range ratio', meaning: 'The restricted range as a share of the 5th-percentile amount; 0 is equal.', digits: 3 },
  { key: 'cv', label: 'Coefficient of variation', meaning: 'Typical distance from the average, as a share of it; below 0.10 is usually called equitable.', digits: 3 },
  { key: 'mcloone', label: 'McLoone index', meaning: 'How close pupils below the median are to it; 1.00 is equal.', digits: 3 },
  { key: 'verstegen', label: 'Verstegen index', meaning: 'How far pupils above the median are above it; 1.00 is equal.', digits: 3 },
  { key: 'gini', label: 'Gini coefficient', meaning: '0 is the same per pupil everywhere, 1 is all money at one school.', digits: 3 },
  { key: 'theil', label: 'Theil index', meaning: 'Inequality that can be split between and within school levels; 0 is equal.', digits: 4 },
];

export function EquityPanel({ result }: { result: AllocationResult }) {
  const e = result.equity;
  const v = result.vertical_equity;
  return (
    <div className="panel" data-testid="equity-panel">
      <h2>Fairness <span className="muted">dollars per pupil, pupil-weighted</span></h2>
      <dl className="measures">
        {MEASURES.map((m) => (
          <div key={m.key} className="measure">
            <dt>{m.label}</dt>
            <dd data-testid={`equity-${m.key}`}>{m.dollars ? money(Math.round(e[m.key] * 100)) : e[m.key].toFixed(m.digits ?? 3)}</dd>
            <dd className="muted small">{m.meaning}</dd>
          </div>
        ))}
        <div className="measure">
          <dt>Vertical equity</dt>
          <dd data-testid="equity-vertical">{v.correlation.toFixed(3)}</dd>
          <dd className="muted small">Correlation of dollars per pupil with poverty: above 0 means schools with more poor students get more, as they should.</dd>
        </div>
      </dl>
    </div>
  );
}
