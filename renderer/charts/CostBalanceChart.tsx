import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { PALETTE } from './palette';

/**
 * Each site's cost-balance ratio (its share of dollars ÷ its share of weighted need) as a bar, with
 * the tolerance band drawn as the bars' colour: inside the band in the general colour, outside in
 * the warning colour. The table beside it holds the same figures.
 */
export function CostBalanceChart({ sites, low, high }: { sites: { label: string; name: string; ratio: number }[]; low: number; high: number }) {
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
  return (
    <div className="chart chart-short" role="img" aria-label={`Cost-balance ratio by site; the tolerance band is ${low} to ${high}; ${sites.filter((s) => !inside(s.ratio)).length} sites outside it. The table below lists the figures.`} data-testid="cost-balance-chart">
      <Bar data={data} options={options} aria-label={`Cost-balance ratio by site, bar chart`} />
    </div>
  );
}
