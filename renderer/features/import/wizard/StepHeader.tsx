import type { WizardPlan } from '../../../../models/import/wizard';
import { appStore } from '../../../store';
import { TableScroll } from '../../../ui/TableScroll';

/** Step 2: the row that names the columns (titles above it, data below); the user can pick another. */
export function StepHeader({ plan, chosen, busy }: { plan: WizardPlan; chosen: number | undefined; busy: boolean }) {
  const width = Math.max(1, ...plan.headerCandidates.map((c) => c.cells.length));
  const choose = (row: number | undefined) => void appStore.getState().chooseWizard({ headerRow: row });
  return (
    <>
      <p>
        The header is <strong data-testid="header-row">row {plan.headerRow}</strong>
        {chosen === undefined ? ' (found: the row that best names the table’s columns)' : ' (your choice)'} of sheet {plan.sheets[0]}.
        Rows above it are titles; their fund and year are read ({Object.entries(plan.report.titleValues).filter(([k]) => k !== 'title').map(([k, v]) => `${k} ${v}`).join(', ') || 'none here'}).
        {chosen !== undefined && <> <button type="button" className="button" onClick={() => choose(undefined)} disabled={busy}>Find it again</button></>}
      </p>
      <TableScroll label="The first rows of the sheet">
        <table className="table table-compact header-grid" data-testid="header-candidates">
          <caption className="sr-only">The first rows of the sheet; choose the header row</caption>
          <thead>
            <tr><th scope="col">Header?</th>{Array.from({ length: width }, (_, c) => <th key={c} scope="col">{String.fromCharCode(65 + (c % 26))}</th>)}</tr>
          </thead>
          <tbody>
            {plan.headerCandidates.map((c) => (
              <tr key={c.row} className={c.row === plan.headerRow ? 'is-header' : c.row < plan.headerRow ? 'is-title' : undefined}>
                <td>
                  <label>
                    <input type="radio" name="header-row" checked={c.row === plan.headerRow} disabled={busy} onChange={() => choose(c.row)} />
                    {' '}Row {c.row}
                  </label>
                </td>
                {Array.from({ length: width }, (_, i) => <td key={i} title={c.cells[i]}>{c.cells[i] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
