import type { OpenedFile } from '../../../models/project/open-file';
import { filledDownText, unclassifiedText } from '../../../models/import/report-text';
import { count, plural } from '../../format';
import { TableScroll } from '../../ui/TableScroll';

type Report = OpenedFile['reports'][number];

/**
 * What the import did to blank cells, said the same way as `steward import`: each column filled
 * down (with its rows), and the rows kept as "unclassified" (where, so the user can fix them).
 */
export function ImportNotes({ reports, limit }: { reports: Report[]; limit: number }) {
  const filled = reports.flatMap((r) => r.filledDown.map((f) => ({ f, multi: r.sheets.length > 1 })));
  const unclassified = reports.filter((r) => r.unclassified > 0);
  const rows = unclassified.flatMap((r) => r.rowWarnings);
  return (
    <>
      {filled.length > 0 && (
        <div className="import-note" data-testid="import-filled-down">
          <strong>Filled down</strong> (blank keys below a key shown once per group; untick “Fill down” to leave them blank):
          <ul className="plain-list">{filled.map(({ f, multi }, i) => <li key={i}>{filledDownText(f, multi)}</li>)}</ul>
        </div>
      )}
      {unclassified.length > 0 && (
        <details className="details" open={rows.length <= 50} data-testid="import-unclassified">
          <summary>
            {unclassified.map((r) => unclassifiedText(r)).join('; ')} — fix them in the file, or tick “strict” to reject them
          </summary>
          <TableScroll label="Rows not classified">
          <table className="table table-compact">
            <thead><tr><th>Sheet</th><th className="num">Row</th><th>Column</th><th>Note</th></tr></thead>
            <tbody>
              {rows.slice(0, limit).map((w, i) => (
                <tr key={i}><td>{w.sheet}</td><td className="num">{w.row}</td><td>{w.column}</td><td>{w.reason}</td></tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          {rows.length > limit && <p className="muted">…and {count(rows.length - limit)} more {plural(rows.length - limit, 'row')}.</p>}
        </details>
      )}
    </>
  );
}
