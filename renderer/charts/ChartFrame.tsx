import { useId, type ReactNode } from 'react';

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
export function ChartFrame({ name, summary, tableId, tableName, testId, children }: {
  /** "Budget by fund, FY 2025–26" — the chart kind is added ("…, bar chart"). */
  name: string;
  summary: string;
  tableId: string;
  /** The table's own name, as its caption or heading reads. */
  tableName: string;
  testId?: string;
  /** Draws the chart; spread the props onto the chart component (react-chartjs-2 passes them to the canvas). */
  children: (a11y: ChartA11yProps) => ReactNode;
}) {
  const summaryId = useId();
  return (
    <div className="chart" data-testid={testId}>
      {children({ 'aria-label': name, 'aria-describedby': summaryId, 'aria-details': tableId })}
      <p id={summaryId} className="visually-hidden">{summary} The same figures are in the table “{tableName}”.</p>
    </div>
  );
}
