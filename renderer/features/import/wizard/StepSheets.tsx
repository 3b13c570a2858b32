import type { WizardFile, WizardPlan } from '../../../../models/import/wizard';
import { count } from '../../../format';
import { appStore } from '../../../store';
import { tableLabel } from '../table-label';
import { TableScroll } from '../../../ui/TableScroll';

/** Step 1: the file and its sheets; several same-shaped sheets (one per fund) are read as one table. */
export function StepSheets({ file, plan, busy }: { file: WizardFile; plan: WizardPlan; busy: boolean }) {
  const chosen = new Set(plan.sheets);
  const toggle = (sheet: string, on: boolean) => {
    const next = file.sheets.map((s) => s.sheet).filter((s) => (s === sheet ? on : chosen.has(s)));
    if (next.length > 0) void appStore.getState().chooseWizard({ sheets: next });
  };
  return (
    <>
      <p>
        {file.format.toUpperCase()} file{file.sheets.length > 1 ? ` with ${file.sheets.length} sheets` : ''}. Every sheet ticked is read into one table —
        a workbook with one sheet per fund or school reads as one, each sheet keeping the fund and year of its own title rows.
      </p>
      {file.notes.length > 0 && <ul className="plain-list">{file.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
      <TableScroll label="Sheets in the file">
      <table className="table table-compact" data-testid="wizard-sheets">
        <thead><tr><th scope="col">Read</th><th scope="col">Sheet</th><th scope="col" className="num">Rows</th><th scope="col">Looks like</th></tr></thead>
        <tbody>
          {file.sheets.map((s) => (
            <tr key={s.sheet}>
              <td>
                <input
                  type="checkbox" id={`sheet-${s.sheet}`} checked={chosen.has(s.sheet)} disabled={busy || (chosen.has(s.sheet) && chosen.size === 1)}
                  onChange={(e) => toggle(s.sheet, e.target.checked)}
                />
              </td>
              <td><label htmlFor={`sheet-${s.sheet}`}>{s.sheet}</label>{s.hidden && <span className="muted"> (hidden)</span>}</td>
              <td className="num">{count(s.rows)}</td>
              <td>{s.guess ? tableLabel(s.guess) : <span className="muted">no table’s columns</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}
