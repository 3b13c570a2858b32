import { TableScroll } from '../../ui/TableScroll';
import { useState } from 'react';
import { AllocateConfigSchema, type AllocateConfigInput } from '../../../models/allocate/config';
import type { Project } from '../../../models/project/project';
import { useApp } from '../../store';

type Threshold = 'district_average' | 'district_average_or_35' | number;

/** A number field applied on Enter or leaving it; what does not parse is said on the field and changes nothing. */
function NumberField({ label, value, onApply, testId, unit, hideLabel }: { label: string; value: number | undefined; onApply: (v: number | undefined) => string | null; testId?: string; unit?: 'dollars' | 'share'; hideLabel?: boolean }) {
  const shown = value === undefined ? '' : unit === 'dollars' ? (value / 100).toFixed(2) : String(value);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<string | null>(null);
  const [seen, setSeen] = useState(shown);
  if (seen !== shown) { setSeen(shown); setText(shown); setProblem(null); }
  const apply = () => {
    if (text === shown) return;
    const t = text.trim().replace(/[$,]/g, '');
    const pct = t.endsWith('%');
    const n = t === '' ? undefined : Number(pct ? t.slice(0, -1) : t) / (pct ? 100 : 1);
    if (n !== undefined && !Number.isFinite(n)) { setProblem(`"${text}" is not a number`); return; }
    setProblem(onApply(n === undefined ? undefined : unit === 'dollars' ? Math.round(n * 100) : n));
  };
  return (
    <label className="field">
      <span className={hideLabel ? 'sr-only' : undefined}>{label}</span>
      <input value={text} data-testid={testId} size={10} aria-invalid={problem !== null} onChange={(e) => setText(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
      {problem && <span className="small text-warn" role="alert">{problem}</span>}
    </label>
  );
}

/**
 * The allocation settings the rule set does not hold: Title I (threshold, ranking, reservations)
 * and the optimiser's site floors and caps — one undoable edit of the project's allocation settings each.
 */
export function AllocationSettings({ project }: { project: Project }) {
  const edit = useApp((s) => s.edit);
  const input = (project.allocate ?? {}) as AllocateConfigInput;
  const cfg = AllocateConfigSchema.parse(input);
  const t1 = cfg.title1;
  const put = (config: AllocateConfigInput, label: string): string | null => {
    const r = edit({ op: 'set-allocate', config }, label);
    return r.ok ? null : r.reason;
  };
  const title1 = (change: Partial<typeof t1>, label: string) => put({ ...input, title1: { ...t1, ...change } }, label);
  const reservations = (change: Partial<typeof t1.reservations>, label: string) => title1({ reservations: { ...t1.reservations, ...change } }, label);
  const threshold: Threshold = t1.threshold;
  const limit = (kind: 'site_floor_cents' | 'site_cap_cents', site: string, v: number | undefined) => {
    const next = { ...cfg.optimize[kind] };
    if (v === undefined) delete next[site];
    else next[site] = v;
    return put({ ...input, optimize: { ...cfg.optimize, [kind]: next } }, `${kind === 'site_floor_cents' ? 'floor' : 'cap'} for site ${site}`);
  };
  return (
    <div className="allocate-two">
      <div className="panel" data-testid="title1-options">
        <h2>Needs and Title I options</h2>
        <div className="fields">
          <label className="field">
            <span>General money for needs</span>
            <select data-testid="general-for-needs" value={cfg.general_for_needs} onChange={(e) => put({ ...input, general_for_needs: e.target.value as 'fill' | 'none' }, 'general money for needs')}>
              <option value="fill">fills needs restricted funds leave (then the formula)</option>
              <option value="none">goes by the formula only</option>
            </select>
          </label>
          <label className="field">
            <span>Threshold</span>
            <select data-testid="title1-threshold" value={typeof threshold === 'number' ? 'number' : threshold} onChange={(e) => title1({ threshold: e.target.value === 'number' ? 0.35 : (e.target.value as Threshold) }, 'Title I threshold')}>
              <option value="district_average">district average (§1113(a)(2)(A))</option>
              <option value="district_average_or_35">district average or 35%, whichever is lower (§1113(a)(4)(A))</option>
              <option value="number">a share of my choosing</option>
            </select>
          </label>
          {typeof threshold === 'number' && <NumberField label="Threshold share (0–1)" unit="share" value={threshold} onApply={(v) => title1({ threshold: v ?? 0.35 }, 'Title I threshold')} />}
          <label className="field">
            <span>Ranking</span>
            <select data-testid="title1-rank-by" value={t1.rank_by} onChange={(e) => title1({ rank_by: e.target.value as 'district' | 'grade_span' }, 'Title I ranking')}>
              <option value="district">all schools together</option>
              <option value="grade_span">within grade spans (§1113(a)(2)(B))</option>
            </select>
          </label>
          <NumberField label="Family engagement share (§1116(a)(3))" unit="share" value={t1.reservations.family_engagement_share} onApply={(v) => reservations({ family_engagement_share: v ?? 0.01 }, 'Title I family engagement')} />
          <NumberField label="Equitable services $ (§1117)" unit="dollars" value={t1.reservations.equitable_services_cents} onApply={(v) => reservations({ equitable_services_cents: v ?? 0 }, 'Title I equitable services')} />
          <NumberField label="Homeless $ (§1113(c)(3)(A))" unit="dollars" value={t1.reservations.homeless_cents} onApply={(v) => reservations({ homeless_cents: v ?? 0 }, 'Title I homeless reservation')} />
          <NumberField label="Neglected and delinquent $" unit="dollars" value={t1.reservations.neglected_delinquent_cents} onApply={(v) => reservations({ neglected_delinquent_cents: v ?? 0 }, 'Title I neglected and delinquent')} />
        </div>
      </div>
      <div className="panel" data-testid="site-limits">
        <h2>Site floors and caps <span className="muted">needs-register money, optimiser only</span></h2>
        <TableScroll label="Site floors and caps" className="table-tall">
          <table className="table table-compact">
            <thead><tr><th>Site</th><th>Floor ($)</th><th>Cap ($)</th></tr></thead>
            <tbody>
              {project.sites.map((s) => (
                <tr key={s.site_id}>
                  <td><span className="code">{s.site_id}</span>{s.name}</td>
                  <td><NumberField label={`Floor for ${s.name}`} unit="dollars" value={cfg.optimize.site_floor_cents[s.site_id]} onApply={(v) => limit('site_floor_cents', s.site_id, v)} hideLabel /></td>
                  <td><NumberField label={`Cap for ${s.name}`} unit="dollars" value={cfg.optimize.site_cap_cents[s.site_id]} onApply={(v) => limit('site_cap_cents', s.site_id, v)} hideLabel /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </div>
  );
}
