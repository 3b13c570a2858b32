import { useState } from 'react';
import { REPORT_TRIALS } from '../../../models/report/gather';
import { sheetCsv } from '../../../models/report/csv';
import type { ReportBook } from '../../../models/report/types';
import { appHost, useApp, useRun } from '../../store';
import { EmptyState } from '../../ui/EmptyState';
import { Loading } from '../../ui/Loading';
import { TableScroll } from '../../ui/TableScroll';
import './reports.css';

/** What leaves Steward for a board meeting: the report workbook, the print page and any table as CSV — as `steward report`. */
export function ReportsScreen() {
  const hasProject = useApp((s) => s.project !== null);
  const ok = useApp((s) => s.checked?.version === s.version && s.checked.ok);
  const checking = useApp((s) => s.checked?.version !== s.version);
  if (!hasProject) return <EmptyState title="Reports" level={1}><p>Open a project to build its board report.</p></EmptyState>;
  if (checking) return <Loading text="Checking the project…" />;
  if (!ok) {
    return (
      <EmptyState title="Reports" testId="reports-withheld" level={1}>
        <p className="banner banner-error" role="alert">No report is built while the project has errors — the same check as <code>steward validate</code>. Fix them on the <a href="#data">Data</a> screen.</p>
      </EmptyState>
    );
  }
  return <Reports />;
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '') || 'project';
const fileSafe = (s: string) => s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();

function Reports() {
  const name = useApp((s) => s.name);
  const [date] = useState(() => new Date().toISOString().slice(0, 10));
  const [status, setStatus] = useState<string | null>(null);
  const run = useRun('report', { name, date, trials: REPORT_TRIALS });
  if (!run || run.status === 'running') return <Loading text={`Building the board report (${REPORT_TRIALS.toLocaleString('en-US')} Monte Carlo trials)…`} />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const { book, html } = run.result;
  const base = `${stem(name)}-board-report`;
  // Desktop: the PDF printed by the main process (electron/print-report.ts); the browser prints the page.
  const printPdf = appHost.printPdf?.bind(appHost);

  const save = async (what: string, suggestedName: string, bytes: () => Promise<Uint8Array> | Uint8Array) => {
    setStatus(`Preparing ${what}…`);
    try {
      const saved = await appHost.saveFile({ suggestedName, bytes: await bytes(), saveAs: true });
      setStatus(saved ? `Saved ${saved.name}.` : null);
    } catch (err) {
      setStatus(`Could not save ${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const workbook = async () => {
    const { reportWorkbookBytes } = await import('../../../models/export/report-xlsx');
    return reportWorkbookBytes(book, new Date(`${date}T00:00:00Z`));
  };

  return (
    <section className="reports" aria-labelledby="reports-title">
      <div className="page-title">
        <h1 id="reports-title">Reports</h1>
        <p className="muted">The board report of <strong>{name}</strong> dated {date}, as <code>steward report</code> writes it: every figure from the same engines as the other screens.</p>
      </div>
      <div className="panel reports-actions">
        <h2>Board report</h2>
        <p>
          <button type="button" className="button button-primary" onClick={() => void save('the workbook', `${base}.xlsx`, workbook)}>Download workbook (.xlsx)</button>{' '}
          {printPdf && <><button type="button" className="button" onClick={() => void save('the PDF report', `${base}.pdf`, () => printPdf(html))}>Save PDF report (.pdf)</button>{' '}</>}
          <button type="button" className="button" onClick={() => void save('the print page', `${base}.html`, () => new TextEncoder().encode(html))}>Download print page (.html)</button>
        </p>
        <p className="muted">The workbook has one formatted sheet per view below. The PDF report — cover, a one-page summary in plain language, charts and tables — is the print page printed{printPdf ? '' : ': open the page in a browser and print it to PDF'}; <code>steward report PROJECT --out board.pdf</code> writes the same pages.</p>
        {status && <p role="status" data-testid="reports-status">{status}</p>}
      </div>
      <SheetList book={book} onCsv={(i) => { const s = book.sheets[i]!; void save(`${s.name} as CSV`, `${base}-${fileSafe(s.name)}.csv`, () => new TextEncoder().encode(sheetCsv(s))); }} />
    </section>
  );
}

function SheetList({ book, onCsv }: { book: ReportBook; onCsv: (index: number) => void }) {
  return (
    <div className="panel">
      <h2>Tables <span className="muted">{book.sheets.length}</span></h2>
      <TableScroll label="Tables of the board report" csv={false}>
      <table className="reports-sheets" data-testid="reports-sheets">
        <thead><tr><th scope="col">Sheet</th><th scope="col">Rows</th><th scope="col">Columns</th><th scope="col"><span className="visually-hidden">Download</span></th></tr></thead>
        <tbody>
          {book.sheets.map((s, i) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td className="num">{s.rows.length}</td>
              <td>{s.columns.map((c) => c.header).join(', ')}</td>
              <td><button type="button" className="button button-quiet" onClick={() => onCsv(i)} aria-label={`Download CSV: ${s.name}`}>Download CSV</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </div>
  );
}
