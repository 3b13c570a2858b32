import { useEffect, useRef } from 'react';
import { WIZARD_STEPS, type WizardState, type WizardStep } from '../../../store/import-slice';
import { appStore, useApp } from '../../../store';
import { count, plural } from '../../../format';
import { tableLabel } from '../table-label';
import { WizardSummary } from './WizardSummary';
import { StepSheets } from './StepSheets';
import { StepHeader } from './StepHeader';
import { StepTable } from './StepTable';
import { StepColumns } from './StepColumns';
import { StepPreview } from './StepPreview';
import { StepAdd } from './StepAdd';

const TITLES: Record<WizardStep, string> = {
  sheets: 'Sheets', header: 'Header row', table: 'Table', columns: 'Columns', preview: 'Preview', add: 'Add to project',
};

const HEADINGS: Record<WizardStep, string> = {
  sheets: 'Which sheets to read',
  header: 'Confirm the header row',
  table: 'Which table the rows are',
  columns: 'Which column gives each field',
  preview: 'The rows as they will be added, and the rows left out',
  add: 'Add the rows to the project',
};

/** A few words on each step's state, for the step list. */
function stepState(w: WizardState, step: WizardStep): { text: string; warn?: boolean } {
  const p = w.plan;
  switch (step) {
    case 'sheets': return { text: p.sheets.length === 1 ? p.sheets[0]! : `${p.sheets.length} sheets` };
    case 'header': return { text: `row ${p.headerRow}` };
    case 'table': return { text: tableLabel(p.kind) };
    case 'columns': {
      const needed = p.mapping.filter((m) => m.via === 'missing' && p.fields.find((f) => f.name === m.field && f.required && f.kind !== 'need_counts' && f.kind !== 'year_values')).length;
      return needed > 0 ? { text: `${needed} needed`, warn: true } : { text: `${p.mapping.filter((m) => m.via !== 'missing').length} found` };
    }
    case 'preview': return p.report.rejected > 0 ? { text: `${count(p.report.rejected)} left out`, warn: p.report.rejected > p.report.excluded } : { text: 'nothing left out' };
    case 'add': return w.added ? { text: 'added' } : { text: `${count(p.report.accepted)} ${plural(p.report.accepted, 'row')}` };
  }
}

/** The import wizard: one export, step by step, with the counts always in view. */
export function Wizard({ w }: { w: WizardState }) {
  const busy = useApp((s) => s.importBusy !== null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const index = WIZARD_STEPS.indexOf(w.step);
  const app = appStore.getState();
  // A new step takes the focus to its heading (not on opening: the wizard's title has it then).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [w.step]);
  const go = (step: WizardStep) => app.setWizardStep(step);
  return (
    <section className="panel wizard" aria-labelledby="import-wizard-title" data-testid="import-wizard">
      <div className="panel-head">
        <h2 id="import-wizard-title" tabIndex={-1}>Import <span className="file-name">{w.name}</span></h2>
        <div className="panel-actions">
          <button type="button" className="button button-quiet" onClick={() => app.closeWizard()} aria-label={`Close the import of ${w.name}`}>Close</button>
        </div>
      </div>
      <WizardSummary plan={w.plan} />
      <nav aria-label="Import steps">
        <ol className="stepper">
          {WIZARD_STEPS.map((s) => {
            const st = stepState(w, s);
            return (
              <li key={s}>
                <button type="button" aria-current={s === w.step ? 'step' : undefined} onClick={() => go(s)} data-testid={`step-${s}`}>
                  <span className="step-name">{TITLES[s]}</span>
                  <span className={`step-state${st.warn ? ' step-state-warn' : ''}`}>{st.text}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      {w.problem && <div className="banner banner-error" role="alert">{w.problem}</div>}
      <div className="wizard-body" data-testid={`wizard-step-${w.step}`}>
        <h3 ref={stepHeading} tabIndex={-1}>{HEADINGS[w.step]}</h3>
        {w.step === 'sheets' && <StepSheets file={w.file} plan={w.plan} busy={busy} />}
        {w.step === 'header' && <StepHeader plan={w.plan} chosen={w.choices.headerRow} busy={busy} />}
        {w.step === 'table' && <StepTable plan={w.plan} busy={busy} />}
        {w.step === 'columns' && <StepColumns plan={w.plan} choices={w.choices} busy={busy} />}
        {w.step === 'preview' && <StepPreview plan={w.plan} busy={busy} />}
        {w.step === 'add' && <StepAdd w={w} busy={busy} />}
      </div>
      <div className="wizard-nav">
        <button type="button" className="button" disabled={index === 0} onClick={() => go(WIZARD_STEPS[index - 1]!)}>
          Back{index > 0 ? `: ${TITLES[WIZARD_STEPS[index - 1]!]}` : ''}
        </button>
        {index < WIZARD_STEPS.length - 1 && (
          <button type="button" className="button button-primary" data-testid="wizard-next" onClick={() => go(WIZARD_STEPS[index + 1]!)}>
            Next: {TITLES[WIZARD_STEPS[index + 1]!]}
          </button>
        )}
      </div>
    </section>
  );
}
