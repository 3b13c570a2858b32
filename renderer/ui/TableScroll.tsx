import { useEffect, useRef, useState, type ReactNode } from 'react';
import { appHost } from '../store';
import { tableCsv, tableFileName, tableTsv } from '../../models/report/table-csv';
import { tableGrid } from './table-grid';

/**
 * A wide table scrolls sideways inside its panel, never the page (900 px windows, 200% zoom).
 * While it does scroll, the box is a named region in the tab order, so a keyboard user can reach
 * it and scroll it with the arrow keys (axe: scrollable-region-focusable); when it fits it is
 * a plain box and adds no tab stop.
 *
 * Under it, "Download CSV" and "Copy table" take the table as shown (issue 15: any table as CSV
 * from the screen where it appears), named after `label`; `csv={false}` only for a table that is
 * itself a list of downloads.
 */
export function TableScroll({ label, className, csv = true, children }: { label: string; className?: string; csv?: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState<'no' | 'sideways' | 'down'>('no');
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    // Measured when the ResizeObserver reports (after layout, before paint; first on observe), never
    // by reading sizes during React's commit, which forced a layout of the whole page (~60 ms of a
    // first load).
    // A tall table (a box with a maximum height) scrolls down inside it: a region too.
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1 ? 'sideways' : box.scrollHeight > box.clientHeight + 1 ? 'down' : 'no');
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const scroll = (
    <div ref={ref} className={className ? `table-scroll ${className}` : 'table-scroll'} {...(scrolls !== 'no' ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls ${scrolls})` } : {})}>
      {children}
    </div>
  );
  if (!csv) return scroll;
  return (
    <div className="table-block">
      {scroll}
      <TableActions label={label} box={ref} />
    </div>
  );
}

/** The table's own buttons; their accessible names start with their visible text (axe label-content-name-mismatch). */
function TableActions({ label, box }: { label: string; box: React.RefObject<HTMLDivElement | null> }) {
  const [status, setStatus] = useState<string | null>(null);
  const grid = () => {
    const table = box.current?.querySelector('table');
    if (!table) throw new Error('the table is not shown');
    return tableGrid(table);
  };
  const download = async () => {
    try {
      setStatus(null);
      const saved = await appHost.saveFile({ suggestedName: tableFileName(label), bytes: new TextEncoder().encode(tableCsv(grid())), saveAs: true });
      if (saved && appHost.kind !== 'browser') setStatus(`Saved ${saved.name}.`);
    } catch (err) {
      setStatus(`Could not save the table: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(tableTsv(grid()));
      setStatus('Copied — paste it into a spreadsheet.');
    } catch (err) {
      setStatus(`Could not copy the table: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <p className="table-actions">
      <button type="button" className="button button-quiet" onClick={() => void download()} aria-label={`Download CSV: ${label}`}>Download CSV</button>
      <button type="button" className="button button-quiet" onClick={() => void copy()} aria-label={`Copy table: ${label}`}>Copy table</button>
      {status && <span role="status" className="muted"> {status}</span>}
    </p>
  );
}
