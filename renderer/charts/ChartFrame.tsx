import { useId, useRef, useState, type ReactNode } from 'react';
import { appHost } from '../store';
import { canvasPng } from './chart-png';
import { tableFileName } from '../../models/report/table-csv';

/** What a chart's canvas carries so a screen reader can use it: its name, a summary, its table. */
export interface ChartA11yProps {
  'aria-label': string;
  'aria-describedby': string;
  'aria-details': string;
}

/**
 * The frame every chart draws in: an accessible name (the canvas is an image to assistive
 * technology), a one-sentence summary read with it, and a table with the same figures — given by
 * id (`tableId`, the table shown beside the chart) so the chart never holds figures the page does
 * not also show as text.
 */
export function ChartFrame({ name, summary, tableId, tableName, testId, pngName, children }: {
  /** "Budget by fund, FY 2025–26" — the chart kind is added ("…, bar chart"). */
  name: string;
  summary: string;
  tableId: string;
  /** The table's own name, as its caption or heading reads. */
  tableName: string;
  testId?: string;
  /** The file name "Save chart as PNG" offers ("budget-by-fund.png"); by default from the chart's name. */
  pngName?: string;
  /** Draws the chart; spread the props onto the chart component (react-chartjs-2 passes them to the canvas). */
  children: (a11y: ChartA11yProps) => ReactNode;
}) {
  const summaryId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const savePng = async () => {
    const canvas = frame.current?.querySelector('canvas');
    if (!canvas) return;
    try {
      setProblem(null);
      await appHost.saveFile({ suggestedName: pngName ?? tableFileName(name.replace(/, [a-z ]+ chart$/, ''), 'png'), bytes: await canvasPng(canvas), saveAs: true });
    } catch (err) {
      setProblem(`Could not save the chart: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <>
      <div className="chart" data-testid={testId} ref={frame}>
        {children({ 'aria-label': name, 'aria-describedby': summaryId, 'aria-details': tableId })}
        <p id={summaryId} className="visually-hidden">{summary} The same figures are in the table “{tableName}”.</p>
      </div>
      <p className="chart-actions">
        <button type="button" className="button button-quiet" onClick={() => void savePng()} aria-label={`Save chart as PNG: ${name}`}>Save chart as PNG</button>
        {problem && <span role="alert"> {problem}</span>}
      </p>
    </>
  );
}
