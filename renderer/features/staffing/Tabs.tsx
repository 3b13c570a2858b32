import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Tabs with the arrow keys (WAI-ARIA tabs): one tab stop, the panel labelled by its tab. */
export function Tabs<T extends string>({ label, tabs, value, onChange, children }: { label: string; tabs: readonly { id: T; name: string }[]; value: T; onChange: (id: T) => void; children: ReactNode }) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === value);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : step !== 0 ? (at + step + tabs.length) % tabs.length : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = tabs[next]!.id;
    onChange(id);
    refs.current.get(id)?.focus();
  };
  return (
    <>
      <div className="staffing-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => { if (el) refs.current.set(t.id, el); else refs.current.delete(t.id); }}
            type="button" role="tab" id={`staffing-tab-${t.id}`} aria-selected={t.id === value} aria-controls="staffing-panel"
            tabIndex={t.id === value ? 0 : -1} className={`staffing-tab${t.id === value ? ' staffing-tab-selected' : ''}`}
            onClick={() => onChange(t.id)} data-testid={`tab-${t.id}`}
          >
            {t.name}
          </button>
        ))}
      </div>
      <div id="staffing-panel" role="tabpanel" aria-labelledby={`staffing-tab-${value}`} className="staffing-panel">
        {children}
      </div>
    </>
  );
}
