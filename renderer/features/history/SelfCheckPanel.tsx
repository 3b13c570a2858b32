import type { Status } from '../../../models/selfcheck/types';
import { screenHashOf } from './links';
import { useRun } from '../../store';
import { Loading } from '../../ui/Loading';

const STATUS_CLASS: Record<Status, string> = { 'met': 'tag tag-ok', 'not met': 'tag tag-warn', 'not shown by the data': 'tag' };

/** Practices 13, 14, 15a and 15b: the level the project shows, the evidence, the next step — as `steward selfcheck --json`. */
export function SelfCheckPanel() {
  const run = useRun('selfcheck', {});
  if (!run || run.status === 'running') return <Loading text="Checking the practices…" />;
  if (run.status === 'failed' || !run.result) return <p className="banner banner-error" role="alert">{run.error}</p>;
  return (
    <div className="selfcheck" data-testid="selfcheck">
      {run.result.practices.map((p) => (
        <article key={p.practice} className="panel" data-practice={p.practice} aria-labelledby={`practice-${p.practice}`}>
          <h3 id={`practice-${p.practice}`}>Practice {p.practice}: {p.title}</h3>
          <p>Level: <strong data-testid="practice-level">{p.level ?? 'not yet getting started'}</strong></p>
          <ul className="selfcheck-criteria">
            {p.criteria.map((c) => (
              <li key={c.id} data-criterion={c.id}>
                <span className={STATUS_CLASS[c.status]} data-testid="criterion-status">{c.status}</span>{' '}
                <span className="muted">{c.level}:</span> {c.text}
                <div className="muted small" data-testid="criterion-evidence">{c.evidence}</div>
              </li>
            ))}
          </ul>
          {p.next && (
            <div className="small">
              <strong>Next ({p.next.level}):</strong>{' '}
              {p.next.needs.length === 0 ? 'nothing more the data can show.' : p.next.needs.map((n, i) => (
                <span key={i}>{i > 0 && '; '}{n.text} — <a href={screenHashOf(n.screen)}>{n.screen}</a></span>
              ))}
            </div>
          )}
        </article>
      ))}
    </div>
  );
}
