import './register';
import { Bubble } from 'react-chartjs-2';
import type { ChartOptions } from 'chart.js';
import { ChartFrame } from './ChartFrame';
import { PALETTE } from './palette';

export interface OutcomePoint { label: string; name: string; perPupil: number; improvement: number; pupils: number }

/**
 * Spending per pupil (across) against a measure's improvement a year (up = better), one bubble per
 * school sized by its pupils. Bubbles below zero (worse) are in the warning colour.
 */
export function OutcomeScatter({ points, measure, tableId, tableName }: { points: OutcomePoint[]; measure: string; tableId: string; tableName: string }) {
  const most = Math.max(1, ...points.map((p) => p.pupils));
  const data = {
    datasets: [{
      label: measure,
      data: points.map((p) => ({ x: Math.round(p.perPupil), y: p.improvement, r: 4 + 12 * Math.sqrt(p.pupils / most) })),
      backgroundColor: points.map((p) => (p.improvement < 0 ? `${PALETTE.unclassified}b3` : `${PALETTE.general}b3`)),
    }],
  };
  const options: ChartOptions<'bubble'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { tooltip: { callbacks: { label: (item) => { const p = points[item.dataIndex]; return p ? `${p.name}: $${Math.round(p.perPupil).toLocaleString('en-US')} per pupil, ${p.improvement >= 0 ? '+' : ''}${p.improvement.toFixed(3)} a year, ${p.pupils} pupils` : ''; } } } },
    scales: {
      x: { title: { display: true, text: 'Spending per pupil ($)' }, grid: { color: PALETTE.grid } },
      y: { title: { display: true, text: 'change a year (up = better)' }, grid: { color: PALETTE.grid } },
    },
  };
  const better = points.filter((p) => p.improvement > 0).length;
  return (
    <ChartFrame name={`Spending per pupil against ${measure} change, by school, bubble chart`} summary={`${points.length} schools; ${better} improved ${measure}, ${points.length - better} did not.`} tableId={tableId} tableName={tableName} testId="outcome-scatter">
      {(a11y) => <div className="chart-short"><Bubble data={data} options={options} {...a11y} /></div>}
    </ChartFrame>
  );
}
