import './register';
import { Line } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';
import { PALETTE, seriesColour } from './palette';

export interface LineSeries {
  label: string;
  values: (number | null)[];
  /** A reference line (the reserve policy), drawn dashed. */
  dashed?: boolean;
  colour?: string;
}

/**
 * Lines over fiscal years: one per scenario (or revenue and expenditure), a reference line dashed.
 * `format` writes a value as the table beside it does (dollars, a percent). See ChartFrame.
 */
export function LinesChart({ years, series, format, name, summary, tableId, tableName, testId }: {
  years: number[]; series: LineSeries[]; format: (v: number) => string; name: string; summary: string; tableId: string; tableName: string; testId?: string;
}) {
  const data = {
    labels: years.map(String),
    datasets: series.map((s, i) => ({
      label: s.label, data: s.values, borderColor: s.colour ?? seriesColour(i), backgroundColor: s.colour ?? seriesColour(i),
      borderWidth: s.dashed ? 1.5 : 2, borderDash: s.dashed ? [6, 4] : [], pointRadius: s.dashed ? 0 : 2, tension: 0,
    })),
  };
  const options: ChartOptions<'line'> = {
    responsive: true, maintainAspectRatio: false, animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 2 } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` } } },
    scales: { y: { grid: { color: PALETTE.grid }, ticks: { callback: (v) => format(Number(v)) } }, x: { grid: { display: false } } },
  };
  return (
    <ChartFrame name={`${name}, line chart`} summary={summary} tableId={tableId} tableName={tableName} testId={testId}>
      {(a11y) => <Line data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
