import './register';
import { Bar } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';
import { PALETTE } from './palette';

/**
 * Dollars per pupil, school by school from the lowest to the highest: the shape a Gini coefficient
 * sums up (flat bars = equal; a steep climb = unequal). Bars below the pupil-weighted mean are in
 * the warning colour. The table named by `tableId` holds the same figures and the Lorenz curve's points.
 */
export function PerPupilChart({ schools, mean, gini, tableId, tableName }: { schools: { label: string; name: string; perPupil: number }[]; mean: number; gini: number; tableId: string; tableName: string }) {
  const data = {
    labels: schools.map((s) => s.label),
    datasets: [{ label: 'Dollars per pupil', data: schools.map((s) => Math.round(s.perPupil)), backgroundColor: schools.map((s) => (s.perPupil < mean ? PALETTE.unclassified : PALETTE.general)), borderRadius: 3, maxBarThickness: 28 }],
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { tooltip: { callbacks: { title: (items) => schools[items[0]?.dataIndex ?? -1]?.name ?? '', label: (item) => `$${Number(item.raw).toLocaleString('en-US')} per pupil` } } },
    scales: { y: { beginAtZero: true, grid: { color: PALETTE.grid } }, x: { grid: { display: false } } },
  };
  const low = schools[0];
  const high = schools.at(-1);
  const summary = low && high
    ? `From $${Math.round(low.perPupil).toLocaleString('en-US')} per pupil at ${low.name} to $${Math.round(high.perPupil).toLocaleString('en-US')} at ${high.name}; ${schools.filter((s) => s.perPupil < mean).length} of ${schools.length} schools below the mean of $${Math.round(mean).toLocaleString('en-US')}; Gini ${gini.toFixed(3)}.`
    : 'No school has pupils.';
  return (
    <ChartFrame name="Dollars per pupil by school, lowest to highest, bar chart" summary={summary} tableId={tableId} tableName={tableName} testId="per-pupil-chart">
      {(a11y) => <div className="chart-short"><Bar data={data} options={options} {...a11y} /></div>}
    </ChartFrame>
  );
}
