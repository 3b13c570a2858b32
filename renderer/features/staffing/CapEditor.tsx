import { useState } from 'react';
import { appStore, useApp } from '../../store';

/**
 * The school's class-size maximum, editable where the project has a Schedules row for it: one
 * undoable edit of that row; sections, teacher FTE and the staffing requirement follow.
 */
export function CapEditor({ siteId, cap }: { siteId: string; cap: number }) {
  const index = useApp((s) => (s.project?.schedules ?? []).findIndex((r) => r.site_id === siteId && (r.subject ?? '').trim() === ''));
  const [error, setError] = useState<string | null>(null);
  if (index < 0) return <p className="muted small">The class-size cap is the level default; add a Schedules row for {siteId} on the Data screen to change it.</p>;
  const commit = (text: string) => {
    const v = Number(text.replace(/,/g, '').trim());
    if (v === cap) return;
    if (!Number.isFinite(v) || v <= 0) return setError(`Class-size cap at ${siteId} must be a number above 0 — “${text}” is not.`);
    const row = appStore.getState().project!.schedules[index]!;
    const r = appStore.getState().edit({ op: 'set-row', table: 'schedules', index, row: { ...row, class_size_cap: v } }, `edit the class-size cap at ${siteId}`);
    setError(r.ok ? null : r.reason);
  };
  return (
    <div className="cap-editor">
      <label>
        Class-size cap{' '}
        <input key={cap} className="rule-input" inputMode="decimal" defaultValue={String(cap)} data-testid="cap-input"
          onBlur={(e) => commit(e.currentTarget.value)} onKeyDown={(e) => { if (e.key === 'Enter') e.currentTarget.blur(); }} />
      </label>
      {error && <p className="banner banner-error" role="alert">{error}</p>}
    </div>
  );
}
