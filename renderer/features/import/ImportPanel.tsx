import type { OpenedFile } from '../../../models/project/open-file';
import { count, fte, money, plural } from '../../format';
import { ReportErrors } from './ReportErrors';
import { ProblemList } from '../../ui/ProblemList';
import { MappingDetails } from './MappingDetails';
import { tableLabel } from './table-label';
import { ReadAs } from './ReadAs';
import { ImportChoices } from './ImportChoices';
import { ImportNotes } from './ImportNotes';
import { useApp } from '../../store';
import { TableScroll } from '../../ui/TableScroll';

type Report = OpenedFile['reports'][number];

const MAX_ERRORS_SHOWN = 200;

/** Whether the amount imported equals the file's own total (every valid amount on its data rows). */
function tiesCell(t: Report['totals']): string {
  if (t.ties === null || t.fileAmountCents === null) return '—';
  return t.ties ? 'yes' : `no: file ${money(t.fileAmountCents)}`;
}

function ReportRow({ report }: { report: Report }) {
  return (
    <tr data-testid="import-report-row">
      <td>{report.sheets.length > 1 ? `${report.sheets.length} sheets` : report.sheet}</td>
      <td data-testid="report-kind">{tableLabel(report.kind)}</td>
      <td className="num" data-testid="report-rows">{count(report.rows)}</td>
      <td className="num" data-testid="report-accepted">{count(report.accepted)}</td>
      <td className={`num${report.rejected > 0 ? ' text-warn' : ''}`} data-testid="report-rejected">{count(report.rejected)}</td>
      <td className="num muted">{count(report.excluded)}</td>
      <td className="num" data-testid="report-amount">{report.totals.amountCents !== 0 ? money(report.totals.amountCents) : '—'}</td>
      <td className="num">{report.totals.fte !== 0 ? fte(report.totals.fte) : '—'}</td>
      <td className={report.totals.ties === false ? 'text-warn' : undefined} data-testid="report-ties">{tiesCell(report.totals)}</td>
    </tr>
  );
}

/** One row per table read; empty optional sheets named on one line. Collapsed for a clean project. */
function ReportTable({ reports, collapsed }: { reports: Report[]; collapsed: boolean }) {
  const filled = reports.filter((r) => r.rows > 0 || r.errors.length > 0);
  const empty = reports.filter((r) => !filled.includes(r));
  const table = (
    <>
      <TableScroll label="Tables read">
      <table className="table table-compact">
        <thead>
          <tr>
            <th>Sheet</th><th>Read as</th><th className="num">Rows</th><th className="num">Accepted</th>
            <th className="num">Rejected</th><th className="num">of which totals/footers</th>
            <th className="num">Amount</th><th className="num">FTE</th><th>Ties to file</th>
          </tr>
        </thead>
        <tbody>{filled.map((r) => <ReportRow key={`${r.kind}:${r.sheet}`} report={r} />)}</tbody>
      </table>
      </TableScroll>
      {empty.length > 0 && <p className="muted small">Empty: {empty.map((r) => r.sheet || tableLabel(r.kind)).join(', ')}</p>}
    </>
  );
  if (!collapsed) return table;
  return (
    <details className="details">
      <summary>{count(filled.length)} {plural(filled.length, 'table')} read — rows and totals by sheet</summary>
      {table}
    </details>
  );
}

function Outcome({ result }: { result: OpenedFile }) {
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const tag = (className: string, text: string) => <span className={`tag ${className}`} data-testid="import-outcome">{text}</span>;
  if (result.kind === 'project') {
    // A project with errors is opened (so they can be fixed) but nothing is computed from it.
    return result.ok ? tag('tag-ok', 'project opened') : tag('tag-error', `opened with ${count(errors)} ${plural(errors, 'error')}`);
  }
  if (result.kind === 'failed') return tag('tag-error', 'not imported');
  return tag('', 'single export');
}

/** Problems not already listed as a report's row errors (a project's problems include them). */
function otherProblems(result: OpenedFile): OpenedFile['problems'] {
  const rowErrors = new Set(result.reports.flatMap((r) => r.errors.map((e) => `${e.sheet}|${e.row}|${e.column}|${e.reason}`)));
  return result.problems.filter((p) => p.row === undefined || !rowErrors.has(`${p.sheet ?? ''}|${p.row}|${p.column ?? ''}|${p.message}`));
}

/** What happened to the file just opened: rows read/accepted/rejected per table, and why. */
export function ImportPanel({ result, onClose }: { result: OpenedFile; onClose: () => void }) {
  const errors = result.reports.flatMap((r) => r.errors);
  const warnings = result.reports.flatMap((r) => r.warnings.map((w) => `${r.sheet}: ${w}`));
  const read = result.reports.reduce((n, r) => n + r.rows, 0);
  const accepted = result.reports.reduce((n, r) => n + r.accepted, 0);
  const rejected = result.reports.reduce((n, r) => n + r.rejected, 0);
  const busy = useApp((s) => s.status === 'loading');
  const refused = result.kind === 'project' && !result.ok;
  // A single export (not a project, not a saved .steward file) can be read again as another table.
  const canReadAs = result.kind !== 'project' && !/\.steward$/i.test(result.name);
  // Any file read through the importer can be read again with other import options.
  const canChoose = !/\.steward$/i.test(result.name) && result.reports.length > 0;
  return (
    <section className="panel import-panel" aria-labelledby="import-title" data-testid="import-panel">
      <div className="panel-head">
        <h2 id="import-title" tabIndex={-1}>
          Import report <span className="file-name">{result.name}</span> <Outcome result={result} />
        </h2>
        <div className="panel-actions">
          {canReadAs && <ReadAs current={result.reports.length === 1 ? result.reports[0]!.kind : undefined} busy={busy} />}
          <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close the import report">Close</button>
        </div>
      </div>
      {canChoose && <ImportChoices busy={busy} />}
      {result.reports.length > 0 && (
        <>
          <p className="import-totals">
            <span><strong data-testid="import-rows">{count(read)}</strong> {plural(read, 'row')} read</span>
            <span><strong data-testid="import-accepted">{count(accepted)}</strong> accepted</span>
            <span className={rejected > 0 ? 'text-warn' : ''}><strong data-testid="import-rejected">{count(rejected)}</strong> rejected</span>
          </p>
          <ReportTable reports={result.reports} collapsed={result.kind === 'project' && rejected === 0} />
        </>
      )}
      {refused && (
        <p className="banner banner-error" role="alert">
          No figures are computed from {result.name} until the errors below are fixed — the same check as <code>steward validate</code>.
        </p>
      )}
      <ProblemList problems={otherProblems(result)} />
      {result.kind !== 'project' && result.reports.length > 0 && result.reports.length <= 3 && (
        result.reports.map((r) => <MappingDetails key={`${r.kind}:${r.sheet}`} report={r} />)
      )}
      {warnings.length > 0 && (
        <details className="details">
          <summary>{count(warnings.length)} {plural(warnings.length, 'warning')}</summary>
          <ul className="plain-list">{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
        </details>
      )}
      <ImportNotes reports={result.reports} limit={MAX_ERRORS_SHOWN} />
      <ReportErrors errors={errors} limit={MAX_ERRORS_SHOWN} />
    </section>
  );
}
