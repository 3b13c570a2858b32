import type { OpenedFile } from '../../../models/project/open-file';
import { count, plural } from '../../format';
import { TableScroll } from '../../ui/TableScroll';

type RowError = OpenedFile['reports'][number]['errors'][number];

/** Rows left out on purpose (totals, subtotals, print footers) rather than for bad data. */
const isExclusion = (e: RowError) => /^excluded\b/i.test(e.reason);

function ErrorTable({ errors, limit }: { errors: RowError[]; limit: number }) {
  const shown = errors.slice(0, limit);
  return (
    <>
      <TableScroll label="Rows rejected">
      <table className="table table-compact">
        <thead><tr><th>Sheet</th><th className="num">Row</th><th>Column</th><th>Value</th><th>Reason</th></tr></thead>
        <tbody>
          {shown.map((e, i) => (
            <tr key={i}>
              <td>{e.sheet}</td>
              <td className="num">{e.row}</td>
              <td>{e.column || <span className="muted">whole row</span>}</td>
              <td className="value-cell">{e.value}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {errors.length > shown.length && <p className="muted">…and {count(errors.length - shown.length)} more.</p>}
    </>
  );
}

/** Each rejected row with where it is (sheet, row, column), the value and the reason. */
export function ReportErrors({ errors, limit }: { errors: RowError[]; limit: number }) {
  const rejected = errors.filter((e) => !isExclusion(e));
  const excluded = errors.filter(isExclusion);
  return (
    <>
      {rejected.length > 0 && (
        <details className="details" open={rejected.length <= 50} data-testid="import-errors">
          <summary>{count(rejected.length)} {plural(rejected.length, 'problem')} in rejected rows — where and why</summary>
          <ErrorTable errors={rejected} limit={limit} />
        </details>
      )}
      {excluded.length > 0 && (
        <details className="details" data-testid="import-excluded">
          <summary>{count(excluded.length)} {plural(excluded.length, 'row')} excluded as totals, subtotals or footers</summary>
          <ErrorTable errors={excluded} limit={limit} />
        </details>
      )}
    </>
  );
}
