import type { OptimiseRun } from '../../store/optimise-slice';
import { money } from '../../format';

export type Mode = 'priority' | 'optimize';

/** Priority order (the register funded in order) or the optimiser (HiGHS) — with its progress and Cancel. */
export function ModePicker({ mode, onMode, run, onCancel, onRetry }: { mode: Mode; onMode: (m: Mode) => void; run: OptimiseRun | null; onCancel: () => void; onRetry: () => void }) {
  const running = mode === 'optimize' && run?.status === 'running';
  const c = run?.status === 'done' ? run.result?.comparison : undefined;
  return (
    <div className="panel mode-picker" data-testid="mode-picker">
      <fieldset>
        <legend>Needs register funded by</legend>
        <label><input type="radio" name="allocate-mode" value="priority" checked={mode === 'priority'} onChange={() => onMode('priority')} /> priority order</label>{' '}
        <label><input type="radio" name="allocate-mode" value="optimize" data-testid="mode-optimize" checked={mode === 'optimize'} onChange={() => onMode('optimize')} /> the optimiser (HiGHS): most priority-weighted coverage</label>
      </fieldset>
      {running && (
        <p className="small" role="status" data-testid="optimise-progress">
          <progress max={run.progress?.total ?? 2} value={run.progress?.done ?? 0} /> Optimising: {run.progress?.step ?? 'starting'}…{' '}
          <button type="button" className="button" data-testid="optimise-cancel" onClick={onCancel}>Cancel</button>
        </p>
      )}
      {mode === 'optimize' && (run?.status === 'cancelled' || run?.status === 'failed') && (
        <p className={run.status === 'failed' ? 'banner banner-error' : 'small'} role="alert">
          {run.status === 'cancelled' ? 'The optimiser was cancelled; the figures below are priority order.' : `The optimiser failed: ${run.error}`}{' '}
          <button type="button" className="button" onClick={onRetry}>Run it again</button>
        </p>
      )}
      {mode === 'optimize' && c && (
        <p className="small" data-testid="optimise-summary">
          Priority-weighted coverage {(c.coverage_priority * 100).toFixed(1)}% → <strong>{(c.coverage_optimized * 100).toFixed(1)}%</strong>; needs funded {money(c.needs_funded_priority_cents)} → {money(c.needs_funded_optimized_cents)}; {c.needs.length} need{c.needs.length === 1 ? '' : 's'} funded differently. <code>steward allocate --optimize</code>
        </p>
      )}
    </div>
  );
}
