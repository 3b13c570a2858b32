import type { OpenedFile } from '../../../models/project/open-file';
import { tableLabel } from './table-label';
import { TableScroll } from '../../ui/TableScroll';

type Report = OpenedFile['reports'][number];

const VIA: Record<string, string> = {
  exact: 'exact name', synonym: 'known synonym', shape: 'from the values', user: 'your choice',
  template: 'saved template', set: 'set for every row', title: 'from the title block', missing: 'not found',
};

/** Which column fed which field, and how sure the match is: what a user checks before trusting totals. */
export function MappingDetails({ report }: { report: Report }) {
  if (report.mapping.length === 0) return null;
  return (
    <details className="details">
      <summary>Column mapping — {report.sheet} as {tableLabel(report.kind)}</summary>
      <TableScroll label={`Column mapping of ${report.sheet}`}>
      <table className="table table-compact">
        <thead><tr><th>Field</th><th>Column in the file</th><th>How</th><th className="num">Confidence</th></tr></thead>
        <tbody>
          {report.mapping.map((m) => (
            <tr key={m.field} className={m.via === 'missing' ? 'row-subtle' : undefined}>
              <td><span className="code">{m.field}</span></td>
              <td>{m.column ?? (m.value !== undefined ? <span className="value-cell">{m.value}</span> : '—')}</td>
              <td>{VIA[m.via] ?? m.via}</td>
              <td className="num">{m.via === 'missing' ? '—' : `${Math.round(m.confidence * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {report.unknownColumns.length > 0 && (
        <p className="muted">Columns kept but not used: {report.unknownColumns.join(', ')}</p>
      )}
    </details>
  );
}
