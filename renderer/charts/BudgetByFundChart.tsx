import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import type { ProjectSummary } from '../../models/project/summary';
import { compactDollars, money } from '../format';
import { ChartFrame } from './ChartFrame';
import { PALETTE } from './palette';

type Fund = ProjectSummary['byFund'][number];

function colour(f: Fund): string {
  if (f.restricted === null) return PALETTE.unclassified;
  return f.restricted ? PALETTE.restricted : PALETTE.general;
}

/** "GEN $93.5M, T1A $2.7M, … and 3 more funds." — the bars in words, largest first. */
export function fundsSummary(sorted: readonly Fund[], shown = 5): string {
  const head = sorted.slice(0, shown).map((f) => `${f.fundCode} ${compactDollars(f.budgetCents)}`).join(', ');
  const rest = sorted.length - shown;
  return `${sorted.length} ${sorted.length === 1 ? 'fund' : 'funds'}, largest first: ${head}${rest > 0 ? `, and ${rest} more` : ''}.`;
}

/**
 * Horizontal bars, one per fund, largest first; restricted funds in a second colour. `name` is its
 * accessible name and `tableId` the table beside it with the same figures (see ChartFrame).
 */
export function BudgetByFundChart({ funds, name, tableId, tableName }: { funds: Fund[]; name: string; tableId: string; tableName: string }) {
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
      // Level axis labels, thinned when narrow (rotated "$10M"s were hard to read at 900 px).
      x: { beginAtZero: true, grid: { color: PALETTE.grid }, ticks: { maxRotation: 0, autoSkip: true, callback: (v) => compactDollars(Number(v)) } },
      y: { grid: { display: false } },
    },
  };
  return (
    <ChartFrame name={`${name}, bar chart`} summary={fundsSummary(sorted)} tableId={tableId} tableName={tableName} testId="budget-by-fund-chart" pngName="budget-by-fund.png">
      {(a11y) => <Bar data={data} options={options} {...a11y} />}
    </ChartFrame>
  );
}
