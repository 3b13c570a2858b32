import type { WizardPlan } from '../../../../models/import/wizard';
import { count, plural } from '../../../format';
import { appStore } from '../../../store';
import { ImportChoices } from '../ImportChoices';
import { ImportNotes } from '../ImportNotes';
import { ReportErrors } from '../ReportErrors';
import { formatValue } from './values';
import { TableScroll } from '../../../ui/TableScroll';

const LIMIT = 200;

/** Step 5: the first rows as they will be added, then every row left out and why (downloadable). */
export function StepPreview({ plan, busy }: { plan: WizardPlan; busy: boolean }) {
  const fieldByName = new Map(plan.fields.map((f) => [f.name, f]));
  // The columns the rows have, in the table's order.
  const shown = plan.fields.map((f) => f.name).filter((name) => plan.preview.some((p) => p.values.some((v) => v[name] !== undefined)));
  const r = plan.report;
  const otherWarnings = r.warnings.filter((w) => !plan.sheets.some((s) => w.startsWith(`${s}: `)));
  return (
    <>
      <ImportChoices busy={busy} />
      <section className="step-section" aria-labelledby="preview-title">
        <h3 id="preview-title">The first {count(plan.preview.length)} {plural(plan.preview.length, 'row')} of {plan.sheets[0]}, as read</h3>
        <TableScroll label="Preview of the rows read">
          <table className="table table-compact preview-table" data-testid="preview-table">
            <thead>
              <tr><th scope="col" className="num">Row</th><th scope="col">Status</th>{shown.map((f) => <th key={f} scope="col" className={fieldByName.get(f)?.kind === 'money' ? 'num' : undefined}>{f}</th>)}</tr>
            </thead>
            <tbody>
              {plan.preview.flatMap((p) => {
                const lines = p.values.length > 0 ? p.values : [null];
                return lines.map((v, i) => (
                  <tr key={`${p.row}:${i}`} className={`status-${p.status}`} data-testid="preview-row">
                    <td className="num">{i === 0 ? p.row : ''}</td>
                    <td>
                      {i === 0 && <span className="status">{p.status}</span>}
                      {i === 0 && p.reasons.map((x, k) => <span key={k} className="preview-reason">{x.column ? `${x.column}: ` : ''}{x.reason}</span>)}
                    </td>
                    {shown.map((f) => <td key={f} className={fieldByName.get(f)?.kind === 'money' ? 'num' : undefined}>{v ? formatValue(v[f], fieldByName.get(f)) : ''}</td>)}
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <section className="step-section" aria-labelledby="left-out-title">
        <h3 id="left-out-title">Rows left out</h3>
        <p>
          {r.rejected === 0 ? 'No row is left out.' : <>
            {r.rejected - r.excluded === 0 ? 'No row is rejected for its data' : `${count(r.rejected - r.excluded)} ${plural(r.rejected - r.excluded, 'row')} rejected for ${r.rejected - r.excluded === 1 ? 'its' : 'their'} data (each listed below with the reason)`}
            {r.excluded > 0 ? `; ${count(r.excluded)} left out as totals, subtotals or footers.` : '.'}
          </>}
          {' '}<button type="button" className="button" data-testid="download-left-out" disabled={busy || r.rejected === 0} onClick={() => void appStore.getState().downloadLeftOut()}>Download the left-out rows (CSV)</button>
        </p>
        <ImportNotes reports={[r]} limit={LIMIT} />
        <ReportErrors errors={r.errors} limit={LIMIT} />
        {otherWarnings.length > 0 && (
          <details className="details">
            <summary>{count(otherWarnings.length)} {plural(otherWarnings.length, 'note')} from the import</summary>
            <ul className="plain-list">{otherWarnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </details>
        )}
      </section>
    </>
  );
}
