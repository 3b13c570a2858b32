import './register';
import { Line } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { Band } from '../../models/forecast/monte-carlo';
import { compactDollars } from '../format';
import { ChartFrame } from './ChartFrame';
import { PALETTE, POLICY_LINE } from './palette';

/**
 * The Monte Carlo fan: the P5–P95 and P25–P75 bands of the ending balance, the median, and the
 * reserve-policy line (dashed). The table beside it holds the same figures with the breach chance.
 */
export function FanChart({ bands, policy, name, summary, tableId, tableName }: { bands: Band[]; policy: (number | null)[]; name: string; summary: string; tableId: string; tableName: string }) {
  const line = (label: string, data: (number | null)[], extra: Record<string, unknown>) => ({ label, data, pointRadius: 0, borderWidth: 1, tension: 0, ...extra });
  const outer = 'rgba(47, 93, 138, 0.16)';
  const inner = 'rgba(47, 93, 138, 0.32)';
  const data = {
    labels: bands.map((b) => String(b.year)),
    datasets: [
      line('P5', bands.map((b) => b.p5), { borderColor: PALETTE.general, fill: false }),
      line('P95', bands.map((b) => b.p95), { borderColor: PALETTE.general, backgroundColor: outer, fill: '-1' }),
      line('P25', bands.map((b) => b.p25), { borderColor: 'transparent', fill: false }),
      line('P75', bands.map((b) => b.p75), { borderColor: 'transparent', backgroundColor: inner, fill: '-1' }),
      line('Median (P50)', bands.map((b) => b.p50), { borderColor: PALETTE.general, borderWidth: 2.5, fill: false }),
      line('Reserve policy', policy, { borderColor: POLICY_LINE, borderDash: [6, 4], borderWidth: 1.5, fill: false }),
    ],
  };
  const options: ChartOptions<'line'> = {
    responsive: true, maintainAspectRatio: false, animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, filter: (item) => item.text !== 'P25' } }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${compactDollars(Number(item.raw))}` } } },
    scales: { y: { grid: { color: PALETTE.grid }, ticks: { callback: (v) => compactDollars(Number(v)) } }, x: { grid: { display: false } } },
  };
  return (
    <ChartFrame name={`${name}, fan chart`} summary={summary} tableId={tableId} tableName={tableName} testId="fan-chart">
      {(a11y) => <Line data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
