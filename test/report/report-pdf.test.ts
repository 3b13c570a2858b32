import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMonteCarlo } from '../../host/monte-carlo-pool';
import { chromiumPath, pdfPageCount, writeReportPdf } from '../../host/report-pdf';
import { demoProject } from '../../models/demo/district';
import { gatherReport, type ReportData } from '../../models/report/gather';
import { reportHtml } from '../../models/report/html';
import { plainSummary } from '../../models/report/plain-summary';
import { reportBook } from '../../models/report/sheets';
import type { ReportBook } from '../../models/report/types';

// The PDF board report: printed by Chromium (page.pdf), its pages turned into PNGs with pdftoppm
// into build/screenshots/report/ (look at them), its text read back with pdftotext. Skipped, with
// a message, where Chromium or poppler-utils is missing.

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = join(root, 'build', 'screenshots', 'report');
const HOSTILE = '<script>alert(1)</script> =HYPERLINK("http://x","y")';
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = existsSync(chromiumPath()) && has('pdftoppm') && has('pdftotext');
if (!canRender) console.warn(`report PDF test skipped: needs Chromium at ${chromiumPath()} and poppler-utils (pdftoppm, pdftotext)`);

let data: ReportData;
let book: ReportBook;
beforeAll(async () => {
  const project = demoProject();
  project.sites[0]!.name = HOSTILE;
  const mc = await runMonteCarlo({ project, scenario: 'Base', trials: 40, seed: 7, workers: 0 });
  if (!mc.ok) throw new Error(mc.reason);
  const d = gatherReport(project, 'demo', {}, mc.value);
  if (!d.ok) throw new Error(d.reason);
  data = d.value;
  book = reportBook(data, { date: '2026-12-06' });
}, 120_000);

describe('the board report page', () => {
  it('escapes every text from the project', () => {
    const html = reportHtml(data, book, { date: '2026-12-06' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('has a plain-language summary on the budget, fairness, scenarios, plans and the odds of a breach', () => {
    const s = plainSummary(data);
    expect(s.map((p) => p.heading)).toEqual(['The budget', 'Is the allocation fair?', 'The scenarios', 'Plans that trigger', 'The odds of breaching the reserve']);
    expect(s[4]!.text).toMatch(/40 simulated futures of Base \(seed 7\)/);
  });
});

describe.skipIf(!canRender)('the PDF board report', () => {
  it('prints a cover, the summary, charts and tables; every page renders', async () => {
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
    const pdf = join(shots, 'board.pdf');
    const { pages } = await writeReportPdf(pdf, data, book, { date: '2026-12-06' });
    expect(pages).toBe(pdfPageCount(readFileSync(pdf)));
    expect(pages).toBeGreaterThanOrEqual(8);
    const text = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text(1)).toContain('Riverbend Unified School District');
    expect(text(1)).toContain('report to the board');
    expect(text(2)).toContain('Summary');
    expect(text(2)).toContain('Is the allocation fair?');
    expect(text(3)).toContain('Allocation by site');
    expect(text(3)).toContain('<script>alert(1)</script>'); // shown as text, never run
    const all = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const heading of ['Scenarios', 'Monte Carlo', 'What moves the result', 'Equity measures', 'Compliance flags', 'Comparison', 'Staffing', 'Schedules', 'Time']) expect(all).toContain(heading);
    // The self-check is one page of its own, with each practice's rating (issue 19).
    const selfPage = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => text(p).includes('Self-check on practices 13–15'));
    expect(selfPage).toHaveLength(1);
    for (const p of data.selfCheck.practices) expect(text(selfPage[0]!)).toContain(`Practice ${p.practice}:`);
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, 'page')]);
    const pngs = readdirSync(shots).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBe(pages);
  }, 180_000);
});
