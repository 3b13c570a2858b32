import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';
import { PALETTE, seriesColour } from './palette';

/** Bars over fiscal years, each stacked by category (expenditure by object class, FTE by role). See ChartFrame. */
export function StackedBarsChart({ years, stacks, format, name, summary, tableId, tableName, testId }: {
  years: number[]; stacks: { label: string; values: number[] }[]; format: (v: number) => string; name: string; summary: string; tableId: string; tableName: string; testId?: string;
}) {
  const data = {
    labels: years.map(String),
    datasets: stacks.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: seriesColour(i), maxBarThickness: 34 })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` } } },
    scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, grid: { color: PALETTE.grid }, ticks: { callback: (v) => format(Number(v)) } } },
  };
  return (
    <ChartFrame name={`${name}, stacked bar chart`} summary={summary} tableId={tableId} tableName={tableName} testId={testId}>
      {(a11y) => <Bar data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
