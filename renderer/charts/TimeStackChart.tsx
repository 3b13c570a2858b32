import './register';
import { Chart, Legend } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';

// A legend names the stacked parts (registered here: only this chart stacks).
Chart.register(Legend);

/** Distinct hues for up to seven activities, then grey for everything else (the last series). */
const SERIES = ['#2f5d8a', '#1f7263', '#8a5a10', '#7b3f8c', '#b42318', '#4d7c0f', '#c2410c', '#0e7490'];
export const OTHER_COLOUR = '#9ca3af';

export interface TimeStackBar { label: string; hours: number[] }

/**
 * Horizontal stacked bars of hours a week: one bar per row (a role's time as studied, the same
 * role's time as its priorities protect it), one colour per activity, the last series grey for
 * other work. `tableId` names the table beside it with the same hours (see ChartFrame).
 */
export function TimeStackChart({ series, bars, name, summary, tableId, tableName }: { series: string[]; bars: TimeStackBar[]; name: string; summary: string; tableId: string; tableName: string }) {
  const data = {
    labels: bars.map((b) => b.label),
    datasets: series.map((s, i) => ({
      label: s,
      data: bars.map((b) => b.hours[i] ?? 0),
      backgroundColor: i === series.length - 1 ? OTHER_COLOUR : SERIES[i % SERIES.length],
      borderColor: '#ffffff', borderWidth: 1, maxBarThickness: 30,
    })),
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${Number(item.raw)} h` } } },
    scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: 'hours a week per person' } }, y: { stacked: true, grid: { display: false } } },
  };
  return (
    <ChartFrame name={`${name}, stacked bar chart`} summary={summary} tableId={tableId} tableName={tableName} testId="time-chart">
      {(a11y) => <Bar data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
