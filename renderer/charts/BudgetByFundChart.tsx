import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { ProjectSummary } from '../../models/project/summary';
import { compactDollars, money } from '../format';
import { PALETTE } from './palette';

type Fund = ProjectSummary['byFund'][number];

function colour(f: Fund): string {
  if (f.restricted === null) return PALETTE.unclassified;
  return f.restricted ? PALETTE.restricted : PALETTE.general;
}

/** Horizontal bars, one per fund, largest first; restricted funds in a second colour. */
export function BudgetByFundChart({ funds }: { funds: Fund[] }) {
  const sorted = [...funds].sort((a, b) => b.budgetCents - a.budgetCents);
  const data = {
    labels: sorted.map((f) => f.fundCode),
    datasets: [{
      label: 'Budget',
      data: sorted.map((f) => f.budgetCents),
      backgroundColor: sorted.map(colour),
      borderRadius: 3,
      maxBarThickness: 26,
    }],
  };
  const options: ChartOptions<'bar'> = {
    indexAxis: 'y',
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      tooltip: {
        callbacks: {
          title: (items) => {
            const f = sorted[items[0]?.dataIndex ?? -1];
            return f ? `${f.fundCode} — ${f.name}` : '';
          },
          label: (item) => money(Number(item.raw)),
        },
      },
    },
    scales: {
      x: { beginAtZero: true, grid: { color: PALETTE.grid }, ticks: { callback: (v) => compactDollars(Number(v)) } },
      y: { grid: { display: false } },
    },
  };
  return (
    <div className="chart" role="img" aria-label="Budget by fund, bar chart" data-testid="budget-by-fund-chart">
      <Bar data={data} options={options} />
    </div>
  );
}
