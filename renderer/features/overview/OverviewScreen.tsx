import { useRef } from 'react';
import type { ProjectSummary } from '../../../models/project/summary';
import { fiscalYear } from '../../format';
import { problemsOf, useApp, useAppShallow } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { ProblemList } from '../../ui/ProblemList';
import { Overview } from './Overview';

/** The district at a glance — only for a project with no errors (the same gate as every CLI command). */
export function OverviewScreen() {
  const s = useAppShallow((st) => ({ project: st.project, checked: st.checked, version: st.version, name: st.name, loading: st.loading }));
  const problems = useAppShallow((st) => problemsOf(st));
  const newProject = useApp((st) => st.newProject);
  const openDemo = useApp((st) => st.openDemo);
  const held = useRef<{ name: string; summary: ProjectSummary } | null>(null);
  if (!s.project) {
    if (s.loading) return <Loading text={s.loading} />;
    return (
      <EmptyState title="No project open" testId="no-project" level={1}>
        <p>Open a district workbook, a folder of CSVs or a saved .steward project — or start from the demo district.</p>
        <p><button type="button" className="button button-primary" onClick={() => void openDemo()}>Open the demo district</button>{' '}
          <button type="button" className="button" onClick={() => newProject()}>New project</button></p>
      </EmptyState>
    );
  }
  const current = s.checked && s.checked.version === s.version ? s.checked : null;
  if (current?.summary) held.current = { name: s.name, summary: current.summary };
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    held.current = null;
    return (
      <section className="overview" aria-labelledby="district-name">
        <div className="page-title">
          <h1 id="district-name" data-testid="district-name">{s.project.settings.district_name}</h1>
          <p className="muted">Base year {fiscalYear(s.project.settings.base_year)} · {s.name}</p>
        </div>
        <div className="banner banner-error" role="alert" data-testid="figures-withheld">
          No figures are shown while the project has {errors.length} {errors.length === 1 ? 'error' : 'errors'} — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen.
        </div>
        <div className="panel"><ProblemList problems={problems} /></div>
      </section>
    );
  }
  const checking = !current?.summary;
  const shown = current?.summary ?? (held.current?.name === s.name ? held.current.summary : null);
  if (!shown) return <Loading text={`Checking ${s.name}…`} />;
  return (
    <div className="overview-frame">
      {checking && <Loading text={`Checking ${s.name}…`} />}
      {/* While a new version is checked, the last figures only hold the layout: hidden from sight and
          from assistive technology (never a stale figure on screen), so the page does not collapse
          and jump, and the tables and chart update in place when the new figures come. */}
      <div className={checking ? 'overview-held' : undefined} aria-hidden={checking || undefined} inert={checking || undefined}>
        <Overview summary={shown} source={s.name} />
      </div>
    </div>
  );
}
