// Small SVG charts for the printed board report (no chart library: the PDF is rendered from a
// static page). Each chart has a <title> and the page shows the figures in a table beside it.

export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const PALETTE = ['#1f5f99', '#b8511d', '#2e7d32', '#7b3f99', '#8a6d00', '#00737a', '#a8324a', '#4a5a6a', '#5f7f1f', '#99401f'];
const W = 640;

function ticks(min: number, max: number, n = 5): number[] {
  if (max === min) return [min];
  const step0 = (max - min) / n;
  const mag = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** Horizontal bars, one per label (allocation per pupil by site, tornado swings). */
export function barChart(title: string, items: { label: string; value: number }[], fmt: (v: number) => string): string {
  const rowH = 18;
  const left = 190;
  const h = items.length * rowH + 30;
  const max = Math.max(0, ...items.map((i) => i.value));
  const min = Math.min(0, ...items.map((i) => i.value));
  const x = (v: number) => left + ((v - min) / (max - min || 1)) * (W - left - 80);
  const bars = items.map((it, i) => {
    const y = 10 + i * rowH;
    const x0 = x(Math.min(0, it.value));
    const x1 = x(Math.max(0, it.value));
    return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(it.label.slice(0, 32))}</text><rect x="${x0.toFixed(1)}" y="${y + 2}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${rowH - 5}" fill="${PALETTE[0]}"/><text x="${(x1 + 4).toFixed(1)}" y="${y + 12}">${esc(fmt(it.value))}</text>`;
  }).join('');
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${bars}</svg>`;
}

/** Lines over years (each scenario's reserve), with an optional dashed policy line. */
export function lineChart(title: string, series: { name: string; points: { x: number; y: number }[] }[], fmt: (v: number) => string, policy?: { y: number; label: string }): string {
  const h = 260;
  const pad = { l: 70, r: 160, t: 10, b: 30 };
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [...series.flatMap((s) => s.points.map((p) => p.y)), ...(policy ? [policy.y] : [])];
  if (xs.length === 0) return '';
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)];
  const X = (v: number) => pad.l + ((v - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const Y = (v: number) => h - pad.b - ((v - y0) / (y1 - y0 || 1)) * (h - pad.t - pad.b);
  const grid = ticks(y0, y1).map((t) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#ddd"/><text x="${pad.l - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(t))}</text>`).join('');
  const years = [...new Set(xs)].sort((a, b) => a - b).map((v) => `<text x="${X(v).toFixed(1)}" y="${h - 10}" text-anchor="middle">${v}</text>`).join('');
  const lines = series.map((s, i) => `<polyline fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="2" points="${s.points.map((p) => `${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ')}"/>` +
    `<text x="${W - pad.r + 8}" y="${pad.t + 12 + i * 14}" fill="${PALETTE[i % PALETTE.length]}">${esc(s.name.slice(0, 24))}</text>`).join('');
  const pol = policy ? `<line x1="${pad.l}" x2="${W - pad.r}" y1="${Y(policy.y).toFixed(1)}" y2="${Y(policy.y).toFixed(1)}" stroke="#a8324a" stroke-dasharray="5 4"/><text x="${pad.l + 4}" y="${(Y(policy.y) - 4).toFixed(1)}" fill="#a8324a">${esc(policy.label)}</text>` : '';
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${grid}${years}${pol}${lines}</svg>`;
}

/** A fan of percentile bands over years (Monte Carlo ending balance). */
export function fanChart(title: string, bands: { year: number; p5: number; p25: number; p50: number; p75: number; p95: number }[], fmt: (v: number) => string): string {
  if (bands.length === 0) return '';
  const h = 240;
  const pad = { l: 80, r: 20, t: 10, b: 30 };
  const ys = bands.flatMap((b) => [b.p5, b.p95]);
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)];
  const [x0, x1] = [bands[0]!.year, bands.at(-1)!.year];
  const X = (v: number) => pad.l + ((v - x0) / (x1 - x0 || 1)) * (W - pad.l - pad.r);
  const Y = (v: number) => h - pad.b - ((v - y0) / (y1 - y0 || 1)) * (h - pad.t - pad.b);
  const area = (lo: 'p5' | 'p25', hi: 'p95' | 'p75', fill: string) => `<polygon fill="${fill}" points="${[...bands.map((b) => `${X(b.year).toFixed(1)},${Y(b[hi]).toFixed(1)}`), ...[...bands].reverse().map((b) => `${X(b.year).toFixed(1)},${Y(b[lo]).toFixed(1)}`)].join(' ')}"/>`;
  const grid = ticks(y0, y1).map((t) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" stroke="#ddd"/><text x="${pad.l - 6}" y="${(Y(t) + 4).toFixed(1)}" text-anchor="end">${esc(fmt(t))}</text>`).join('');
  const years = bands.map((b) => `<text x="${X(b.year).toFixed(1)}" y="${h - 10}" text-anchor="middle">${b.year}</text>`).join('');
  const median = `<polyline fill="none" stroke="#1f5f99" stroke-width="2" points="${bands.map((b) => `${X(b.year).toFixed(1)},${Y(b.p50).toFixed(1)}`).join(' ')}"/>`;
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${grid}${area('p5', 'p95', '#c9dcef')}${area('p25', 'p75', '#8fb6dc')}${median}${years}</svg>`;
}
