import { useState } from 'react';
import { REPORT_TRIALS } from '../../../models/report/gather';
import { sheetCsv } from '../../../models/report/csv';
import type { ReportBook } from '../../../models/report/types';
import type { Snapshot } from '../../../models/project/snapshot';
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
  const snapshots = useApp((s) => s.project?.snapshots ?? NONE);
  const [today] = useState(() => new Date().toISOString().slice(0, 10));
  // null: the project as it is now; a name: the report rebuilt from that snapshot (as presented).
  const [picked, setPicked] = useState<string | null>(null);
  const from = picked !== null && snapshots.some((s) => s.name === picked) ? picked : null;
  return (
    <section className="reports" aria-labelledby="reports-title">
      <div className="page-title">
        <h1 id="reports-title">Reports</h1>
        <p className="muted">The board report of <strong>{name}</strong>{from ? <> as snapshot <strong>{from}</strong> holds it</> : ''}, as <code>steward report{from ? ` --snapshot "${from}"` : ''}</code> writes it: every figure from the same engines as the other screens.</p>
      </div>
      <SnapshotSources snapshots={snapshots} from={from} onPick={setPicked} />
      <ReportBody name={name} today={today} from={from} />
    </section>
  );
}

const NONE: readonly never[] = [];

/** Snapshots listed so a report can be regenerated exactly as it was presented (issue 19). */
function SnapshotSources({ snapshots, from, onPick }: { snapshots: readonly Snapshot[]; from: string | null; onPick: (name: string | null) => void }) {
  if (snapshots.length === 0) return null;
  return (
    <div className="panel" data-testid="reports-snapshots">
      <h2>Report from <span className="muted">{from ? `snapshot ${from}` : 'the project as it is now'}</span></h2>
      <p className="muted">A snapshot keeps its inputs, seed and engine version: its report is rebuilt from them and dated the day it was taken. Snapshots are taken on the <a href="#history">History</a> screen.</p>
      <TableScroll label="Snapshots to report from" csv={false}>
        <table className="table table-compact">
          <thead><tr><th scope="col">Snapshot</th><th scope="col">Taken</th><th scope="col">Status</th><th scope="col">Note</th><th scope="col"><span className="visually-hidden">Report</span></th></tr></thead>
          <tbody>
            {snapshots.map((s) => (
              <tr key={s.name} aria-current={s.name === from ? 'true' : undefined}>
                <th scope="row">{s.name}</th>
                <td>{s.taken_at.slice(0, 10)}</td>
                <td>{s.presented ? <span className="tag tag-ok">Presented</span> : <span className="tag">Draft</span>}</td>
                <td>{s.note || <span className="muted">—</span>}</td>
                <td>{s.name === from
                  ? <button type="button" className="button button-quiet" onClick={() => onPick(null)} aria-label={`Report now instead of ${s.name}`}>Report now instead</button>
                  : <button type="button" className="button" onClick={() => onPick(s.name)} aria-label={`Report as presented: ${s.name}`}>Report as presented</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function ReportBody({ name, today, from }: { name: string; today: string; from: string | null }) {
  const [status, setStatus] = useState<string | null>(null);
  const run = useRun('report', { name, date: today, trials: REPORT_TRIALS, ...(from !== null ? { snapshot: from } : {}) });
  if (!run || run.status === 'running') return <Loading text={`Building the board report${from ? ` of snapshot ${from}` : ''} (${REPORT_TRIALS.toLocaleString('en-US')} Monte Carlo trials)…`} />;
  if (run.status === 'failed' || !run.result) return <div className="banner banner-error" role="alert">{run.error}</div>;
  const { book, html, date } = run.result;
  const base = `${stem(name)}${from ? `-${fileSafe(from)}` : ''}-board-report`;
  // Desktop: the PDF printed by the main process (electron/print-report.ts); the browser prints the page.
  const printPdf = appHost.printPdf?.bind(appHost);
  const check = from ? book.sheets[0]?.rows.find((r) => r[0] === 'Engine check') : undefined;

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
    <>
      <div className="panel reports-actions">
        <h2>Board report <span className="muted">dated {date}</span></h2>
        {check && <p className={check[1] === 'same figures' ? 'muted' : 'banner banner-warn'} data-testid="reports-engine-check">{String(check[2])}</p>}
        <p>
          <button type="button" className="button button-primary" onClick={() => void save('the workbook', `${base}.xlsx`, workbook)}>Download workbook (.xlsx)</button>{' '}
          {printPdf && <><button type="button" className="button" onClick={() => void save('the PDF report', `${base}.pdf`, () => printPdf(html))}>Save PDF report (.pdf)</button>{' '}</>}
          <button type="button" className="button" onClick={() => void save('the print page', `${base}.html`, () => new TextEncoder().encode(html))}>Download print page (.html)</button>
        </p>
        <p className="muted">The workbook has one formatted sheet per view below, the self-check on practices 13–15 among them. The PDF report — cover, a one-page summary in plain language, charts, the self-check and tables — is the print page printed{printPdf ? '' : ': open the page in a browser and print it to PDF'}; <code>steward report PROJECT --out board.pdf</code> writes the same pages.</p>
        {status && <p role="status" data-testid="reports-status">{status}</p>}
      </div>
      <SheetList book={book} onCsv={(i) => { const s = book.sheets[i]!; void save(`${s.name} as CSV`, `${base}-${fileSafe(s.name)}.csv`, () => new TextEncoder().encode(sheetCsv(s))); }} />
    </>
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
