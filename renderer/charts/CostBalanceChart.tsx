import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';
import { PALETTE } from './palette';

/**
 * Each site's cost-balance ratio (its share of dollars ÷ its share of weighted need) as a bar, with
 * the tolerance band drawn as the bars' colour: inside the band in the general colour, outside in
 * the warning colour. The table beside it holds the same figures.
 */
export function CostBalanceChart({ sites, low, high, tableId, tableName }: { sites: { label: string; name: string; ratio: number }[]; low: number; high: number; tableId: string; tableName: string }) {
  const inside = (r: number) => r >= low && r <= high;
  const data = {
    labels: sites.map((s) => s.label),
    datasets: [{ label: 'Cost-balance ratio', data: sites.map((s) => s.ratio), backgroundColor: sites.map((s) => (inside(s.ratio) ? PALETTE.general : PALETTE.unclassified)), borderRadius: 3, maxBarThickness: 28 }],
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { tooltip: { callbacks: { title: (items) => sites[items[0]?.dataIndex ?? -1]?.name ?? '', label: (item) => Number(item.raw).toFixed(2) } } },
    scales: { y: { beginAtZero: true, suggestedMax: 1.5, grid: { color: PALETTE.grid } }, x: { grid: { display: false } } },
  };
  const outside = sites.filter((s) => !inside(s.ratio));
  const summary = `The tolerance band is ${low} to ${high}; ${outside.length === 0 ? 'every site is inside it' : `${outside.length} ${outside.length === 1 ? 'site is' : 'sites are'} outside it (${outside.map((s) => `${s.label} ${s.ratio.toFixed(2)}`).join(', ')})`}.`;
  return (
    <div className="chart-short">
      <ChartFrame name="Cost-balance ratio by site, bar chart" summary={summary} tableId={tableId} tableName={tableName} testId="cost-balance-chart">
        {(a11y) => <Bar data={data} options={options} {...a11y} />}
      </ChartFrame>
    </div>
  );
}
