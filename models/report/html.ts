import type { ReportData } from './gather';
import { plainSummary } from './plain-summary';
import { barChart, esc, fanChart, lineChart } from './svg';
import { isFormatted, plainValue, type ReportBook, type ReportFormat, type ReportSheet, type ReportValue } from './types';

// The board report as one print-styled HTML page: a cover, a one-page summary in plain language,
// charts with their figures, then every table of the report workbook. Chromium prints it to PDF
// (host/report-pdf.ts; in Electron webContents.printToPDF); a browser prints it through the same
// @media print rules. Every text from the project is escaped.

const usd0 = (dollars: number) => `${dollars < 0 ? '−' : ''}$${Math.round(Math.abs(dollars)).toLocaleString('en-US')}`;

/** A report cell as the printed tables show it. */
export function formatValue(v: ReportValue, columnFormat: ReportFormat): string {
  const value = plainValue(v);
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  const f = isFormatted(v) ? v.format : columnFormat;
  switch (f) {
    case 'currency': return `${value < 0 ? '(' : ''}$${Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 })}${value < 0 ? ')' : ''}`;
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'fte': return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'integer': return Math.round(value).toLocaleString('en-US');
    case 'ratio': return value.toFixed(2);
    case 'year': return String(value);
    default: return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }
}

function table(s: ReportSheet, maxColumns = s.columns.length): string {
  const cols = s.columns.slice(0, maxColumns);
  const head = cols.map((c) => `<th class="${c.format === 'text' ? 't' : 'n'}">${esc(c.header)}</th>`).join('');
  const body = s.rows.map((r) => `<tr>${cols.map((c, i) => `<td class="${c.format === 'text' ? 't' : 'n'}">${esc(formatValue(r[i] ?? null, c.format))}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${cols.length}">none</td></tr>`}</tbody></table>`;
}

const STYLE = `
@page { size: Letter landscape; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 10pt; color: #17324d; }
h2 { font-size: 13pt; margin: 14pt 0 6pt; color: #17324d; break-after: avoid; }
.page { break-before: page; }
.cover { height: 170mm; display: flex; flex-direction: column; justify-content: center; }
.cover .district { font-size: 30pt; font-weight: 700; color: #17324d; }
.cover .what { font-size: 18pt; margin-top: 8pt; }
.cover dl { margin-top: 30pt; display: grid; grid-template-columns: max-content 1fr; gap: 4pt 14pt; font-size: 11pt; }
.cover dt { color: #555; }
.summary p { margin: 0 0 9pt; font-size: 11pt; max-width: 230mm; }
.summary strong { color: #17324d; }
.chart { width: 100%; max-width: 230mm; font: 8pt sans-serif; }
.chart text { font-size: 8pt; fill: #333; }
figure { margin: 0 0 10pt; break-inside: avoid; }
figcaption { font-size: 9pt; color: #444; margin-top: 2pt; }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; margin-bottom: 8pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #17324d; color: #fff; font-weight: 700; padding: 3pt 4pt; vertical-align: bottom; }
td { padding: 2pt 4pt; border-bottom: 0.5pt solid #ccc; }
tbody tr:nth-child(even) td { background: #f3f6f9; }
.selfcheck h2 { font-size: 11pt; margin: 8pt 0 3pt; }
.selfcheck p { margin: 0 0 3pt; font-size: 8.5pt; }
.selfcheck table { font-size: 7.5pt; margin-bottom: 2pt; }
.selfcheck .met { color: #1b5e20; font-weight: 700; }
.selfcheck .not-met { color: #8a1c1c; font-weight: 700; }
.n { text-align: right; white-space: nowrap; }
.t { text-align: left; }
`;

export interface HtmlMeta { date: string }

export function reportHtml(d: ReportData, book: ReportBook, meta: HtmlMeta): string {
  const f = d.forecast;
  const sheet = (name: string) => book.sheets.find((s) => s.name === name);
  const a = d.allocation;
  const cover = `<section class="cover"><div class="district">${esc(d.district)}</div><div class="what">Budget, allocation and scenarios — report to the board</div>
<dl><dt>Date</dt><dd>${esc(meta.date)}</dd><dt>Project</dt><dd>${esc(d.source)}</dd><dt>Base year</dt><dd>${f.base_year}</dd>
<dt>Scenarios</dt><dd>${esc(f.scenarios.map((s) => s.name).join(', '))}</dd>${d.snapshot ? `<dt>Snapshot</dt><dd>${esc(d.snapshot.name)}${d.snapshot.presented ? ' (presented)' : ''}, taken ${esc(d.snapshot.taken_at)} — ${esc(d.snapshot.engine_check)}</dd>` : ''}<dt>Seed</dt><dd>${d.seed}</dd><dt>Prepared with</dt><dd>Steward</dd></dl></section>`;
  const summary = `<section class="page summary"><h1>Summary</h1>${plainSummary(d).map((p) => `<p><strong>${esc(p.heading)}${/[.?!]$/.test(p.heading) ? '' : '.'}</strong> ${esc(p.text)}</p>`).join('')}</section>`;

  const perPupil = barChart('Allocation per pupil by site', a.sites.filter((s) => s.per_pupil_cents !== null).map((s) => ({ label: `${s.site_id} ${s.name}`, value: s.per_pupil_cents! / 100 })), usd0);
  const reserve = lineChart('Reserve as a share of spending, by scenario', f.scenarios.map((s) => ({ name: s.name, points: s.years.map((y) => ({ x: y.year, y: y.reserve_pct * 100 })) })),
    (v) => `${v.toFixed(0)}%`, { y: f.reserve_policy_pct * 100, label: `policy ${(f.reserve_policy_pct * 100).toFixed(1)}%` });
  const charts = [`<section class="page"><h1>Allocation</h1><figure>${perPupil}<figcaption>Dollars per pupil at each site under the "${esc(a.rules.name)}" rules.</figcaption></figure>`,
    `<h2>Allocation by site</h2>${sheet('Allocation by site') ? table(sheet('Allocation by site')!) : ''}</section>`,
    `<section class="page"><h1>Scenarios</h1><figure>${reserve}<figcaption>Reserve (fund balance the policy measures ÷ spending) each year; the dashed line is the policy.</figcaption></figure>`];
  if (d.monteCarlo) charts.push(`<h2>Monte Carlo: ending balance of ${esc(d.focus)}</h2><figure>${fanChart('Monte Carlo bands of the ending balance', d.monteCarlo.bands.map((b) => ({ ...b, p5: b.p5 / 100, p25: b.p25 / 100, p50: b.p50 / 100, p75: b.p75 / 100, p95: b.p95 / 100 })), usd0)}
<figcaption>${d.monteCarlo.successful_trials.toLocaleString('en-US')} simulated futures (seed ${d.monteCarlo.seed}): the light band holds 90% of them, the dark band 50%, the line is the median.</figcaption></figure>`);
  charts.push('</section>');
  if (d.tornado.bars.length > 0) {
    charts.push(`<section class="page"><h1>What moves the result</h1><figure>${barChart('Tornado: swing in the ending balance', d.tornado.bars.map((b) => ({ label: b.driver, value: b.swing_cents / 100 })), usd0)}
<figcaption>How far the final ending balance moves when each assumption goes from its low to its high value, the others held at base (${esc(d.focus)}).</figcaption></figure>${sheet('Tornado') ? table(sheet('Tornado')!) : ''}</section>`);
  }

  charts.push(selfCheckPage(d));

  const shown = new Set(['Summary', 'Allocation by site', 'Tornado', 'Self-check']);
  const tables = book.sheets.filter((s) => !shown.has(s.name)).map((s) => {
    // The comparison's difference columns would not fit on a page: the workbook has them.
    const max = s.name === 'Comparison' ? 2 + f.scenarios.length : s.columns.length;
    // Short tables (a scenario's years) follow one another; long ones start a page.
    return `<section${s.rows.length > 12 ? ' class="page"' : ''}><h2>${esc(s.name)}</h2>${table(s, max)}</section>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(book.title)}</title><style>${STYLE}</style></head><body>${cover}${summary}${charts.join('')}${tables}</body></html>`;
}

const MARK = { 'met': ['✓ met', 'met'], 'not met': ['✗ not met', 'not-met'], 'not shown by the data': ['? not shown by the data', 'unknown'] } as const;

/** One page: where the district stands on practices 13–15, the same criteria and evidence as `steward selfcheck`. */
function selfCheckPage(d: ReportData): string {
  const parts = d.selfCheck.practices.map((p) => {
    const rows = p.criteria.map((c) => `<tr><td class="t">${esc(c.level)}</td><td class="t">${esc(c.text)}</td><td class="t ${MARK[c.status][1]}">${MARK[c.status][0]}</td><td class="t">${esc(c.evidence)}</td></tr>`).join('');
    const next = p.next
      ? `<p><strong>Next — ${esc(p.next.level)}:</strong> ${p.next.needs.length > 0 ? esc(p.next.needs.map((n) => `${n.text} (${n.screen})`).join('; ')) : 'nothing more the data can show; the district\'s own rating decides'}.</p>`
      : '';
    return `<h2>Practice ${esc(p.practice)}: ${esc(p.title)} — ${esc(p.level ?? 'not yet getting started')}</h2>
<table><thead><tr><th class="t">Level</th><th class="t">Criterion</th><th class="t">Status</th><th class="t">Evidence from the project</th></tr></thead><tbody>${rows}</tbody></table>${next}`;
  }).join('');
  return `<section class="page selfcheck"><h1>Self-check on practices 13–15</h1>${parts}</section>`;
}
