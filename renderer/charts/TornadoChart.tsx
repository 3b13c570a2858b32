import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { TornadoBar } from '../../models/forecast/sensitivity';
import { compactDollars } from '../format';
import { ChartFrame } from './ChartFrame';
import { PALETTE } from './palette';

/**
 * The tornado: per driver, a bar from the last year's ending balance at the driver's low to that at
 * its high (the rest at base), widest swing first; the base balance is where the bars cross.
 */
export function TornadoChart({ bars, base, name, summary, tableId, tableName }: { bars: TornadoBar[]; base: number; name: string; summary: string; tableId: string; tableName: string }) {
  const data = {
    labels: bars.map((b) => b.driver),
    datasets: [{
      label: 'Ending balance from low to high',
      data: bars.map((b) => [Math.min(b.ending_balance_at_low_cents, b.ending_balance_at_high_cents), Math.max(b.ending_balance_at_low_cents, b.ending_balance_at_high_cents)] as [number, number]),
      backgroundColor: bars.map((b) => (b.ending_balance_at_high_cents >= b.ending_balance_at_low_cents ? PALETTE.general : PALETTE.unclassified)),
      borderRadius: 2, maxBarThickness: 22,
    }],
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => { const b = bars[item.dataIndex]!; return `low ${b.low}: ${compactDollars(b.ending_balance_at_low_cents)} · high ${b.high}: ${compactDollars(b.ending_balance_at_high_cents)}`; } } } },
    scales: {
      x: { grid: { color: (ctx) => (ctx.tick?.value === base ? '#1f2933' : PALETTE.grid) }, ticks: { maxRotation: 0, autoSkip: true, callback: (v) => compactDollars(Number(v)) } },
      y: { grid: { display: false } },
    },
  };
  return (
    <ChartFrame name={`${name}, tornado chart`} summary={summary} tableId={tableId} tableName={tableName} testId="tornado-chart">
      {(a11y) => <Bar data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
