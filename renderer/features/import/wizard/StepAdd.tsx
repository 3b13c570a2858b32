import { useState } from 'react';
import type { WizardState } from '../../../store/import-slice';
import { TABLES } from '../../../../models/schema/tables';
import { count, money, plural } from '../../../format';
import { appStore, useApp, useAppShallow } from '../../../store';

/** Keys the rows name that the project does not have (funds, sites): each will be a problem to fix. */
function unknownKeys(w: WizardState, project: { funds: { fund_code: string }[]; sites: { site_id: string }[] } | null): { what: string; keys: string[] }[] {
  if (!project) return [];
  const out: { what: string; keys: string[] }[] = [];
  const funds = new Set(project.funds.map((f) => f.fund_code));
  const sites = new Set(project.sites.map((s) => s.site_id));
  const f = (w.plan.keys.fund_code ?? []).filter((k) => !funds.has(k));
  const s = (w.plan.keys.site_id ?? []).filter((k) => !sites.has(k));
  if (f.length > 0 && w.plan.kind !== 'funds') out.push({ what: 'funds', keys: f });
  if (s.length > 0 && w.plan.kind !== 'sites') out.push({ what: 'sites', keys: s });
  return out;
}

/** Step 6: add the accepted rows to the project (one undoable step), and keep the mapping for next time. */
export function StepAdd({ w, busy }: { w: WizardState; busy: boolean }) {
  const project = useApp((s) => s.project);
  // The rows are in the project while the version they were added in is on screen or in the undo history.
  const inProject = useAppShallow((s) => ({ yes: w.added !== null && (s.version === w.added.version || s.past.some((v) => v.version === w.added!.version)) })).yes;
  const [name, setName] = useState(() => w.choices.template?.name ?? w.name.replace(/\.[^.]+$/, ''));
  const [templateProblem, setTemplateProblem] = useState<string | null>(null);
  const kind = w.plan.kind;
  const table = TABLES[kind].sheet;
  const existing = project ? ((project as unknown as Record<string, unknown[]>)[kind] ?? []).length : 0;
  const accepted = w.plan.report.accepted;
  const added = w.added;
  const undone = added !== null && !inProject;
  const unknown = unknownKeys(w, project);
  const app = appStore.getState();
  return (
    <>
      {added && !undone ? (
        <div className="import-result" id="import-result" tabIndex={-1} data-testid="import-result">
          <p>
            <strong>{added.mode === 'replace' ? 'Replaced' : 'Added'} {count(added.rows)} {plural(added.rows, 'row')} {added.mode === 'replace' ? 'in' : 'to'} {TABLES[added.table].sheet}</strong>
            {added.amountCents !== 0 && <> — <span data-testid="added-amount">{money(added.amountCents)}</span></>}. One step: Undo puts the project back as it was.
          </p>
          <button type="button" className="button" onClick={() => app.undo()}>Undo</button>
          <a className="button" href="#overview">See the Overview</a>
          <a className="button" href="#data">See the Data</a>
          {added.table === 'actuals' && <a className="button button-primary" href="#allocate/review" data-testid="review-actuals">Review these actuals</a>}
        </div>
      ) : (
        <>
          {undone && <p className="banner banner-info" data-testid="import-undone">The rows added from {w.name} were undone. You can add them again.</p>}
          <fieldset className="add-options" disabled={busy}>
            <legend>Add the {count(accepted)} accepted {plural(accepted, 'row')} to {table}</legend>
            <label><input type="radio" name="add-mode" checked={w.mode === 'append'} onChange={() => app.setAddMode('append')} data-testid="mode-append" /> after its {count(existing)} {plural(existing, 'row')} (append)</label>
            <label><input type="radio" name="add-mode" checked={w.mode === 'replace'} onChange={() => app.setAddMode('replace')} data-testid="mode-replace" /> in place of its {count(existing)} {plural(existing, 'row')} (replace)</label>
          </fieldset>
          {unknown.length > 0 && (
            <div className="banner banner-warn" data-testid="unknown-keys">
              {unknown.map((u) => (
                <p key={u.what}>
                  The rows name {u.what} the project does not have: <strong>{u.keys.slice(0, 8).join(', ')}</strong>{u.keys.length > 8 ? ` and ${count(u.keys.length - 8)} more` : ''}.
                  Once added they are listed as problems (and no figures are shown) until {u.what === 'funds' ? 'Funds' : 'Sites'} has them — or go back to Columns and give {u.what === 'funds' ? 'fund_code' : 'site_id'} another column or value.
                </p>
              ))}
            </div>
          )}
          <p>
            <button type="button" className="button button-primary" data-testid="add-import" disabled={busy || accepted === 0} onClick={() => void app.addImport()}>
              {w.mode === 'replace' ? 'Replace' : 'Add'} {count(accepted)} {plural(accepted, 'row')} {w.mode === 'replace' ? 'in' : 'to'} {table}
            </button>
            {accepted === 0 && <span className="text-warn"> — no row is accepted yet: see Columns and Preview.</span>}
          </p>
        </>
      )}
      <section className="step-section" aria-labelledby="template-title">
        <h3 id="template-title">Keep this mapping</h3>
        <p className="muted">A saved mapping (table, columns and values for every row) is offered again when a file with the same columns is imported — the same file <code>--save-template</code> writes.</p>
        <form
          className="template-form"
          onSubmit={(e) => {
            e.preventDefault();
            const r = app.saveTemplate(name);
            setTemplateProblem(r.ok ? null : r.reason);
          }}
        >
          <label htmlFor="template-name">Name</label>
          <input id="template-name" type="text" value={name} onChange={(e) => setName(e.target.value)} data-testid="template-name" />
          <button type="submit" className="button" data-testid="save-template" disabled={busy}>Save the mapping</button>
          {w.savedTemplate && <span className="tag tag-ok" data-testid="template-saved">saved as “{w.savedTemplate}”</span>}
          {templateProblem && <span className="text-warn">{templateProblem}</span>}
        </form>
      </section>
      <section className="step-section" aria-labelledby="command-title">
        <h3 id="command-title">The same import on the command line</h3>
        <code className="command" data-testid="import-command">{w.plan.command}</code>
      </section>
    </>
  );
}
